namespace Engine.Storage.Parquet.Metadata;

/// <summary>
/// The ColumnIndex of a column chunk (parquet-format PageIndex.md): per data page, whether it holds only
/// NULLs, its min and max encoded like Statistics.min_value/max_value, and optionally its NULL and NaN counts.
/// </summary>
internal sealed class ColumnIndex(bool[] nullPages, byte[][] minValues, byte[][] maxValues, long[]? nullCounts, long[]? nanCounts = null)
{
    /// <summary>True for a page whose values are all NULL (its min/max are then meaningless).</summary>
    public IReadOnlyList<bool> NullPages { get; } = nullPages;

    /// <summary>Each page's minimum, in the column's PLAIN encoding.</summary>
    public IReadOnlyList<byte[]> MinValues { get; } = minValues;

    /// <summary>Each page's maximum, in the column's PLAIN encoding.</summary>
    public IReadOnlyList<byte[]> MaxValues { get; } = maxValues;

    /// <summary>Each page's NULL count, when the writer recorded them.</summary>
    public IReadOnlyList<long>? NullCounts { get; } = nullCounts;

    /// <summary>Each page's NaN count (floating point columns, PARQUET-2249), when the writer recorded them.</summary>
    public IReadOnlyList<long>? NanCounts { get; } = nanCounts;
}
