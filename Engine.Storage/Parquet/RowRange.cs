namespace Engine.Storage.Parquet;

/// <summary>A half-open range of rows [<paramref name="Start"/>, <paramref name="End"/>) within one row group.</summary>
/// <param name="Start">The first row, relative to the row group.</param>
/// <param name="End">One past the last row.</param>
public readonly record struct RowRange(long Start, long End)
{
    /// <summary>How many rows the range covers.</summary>
    public long Length => End - Start;
}
