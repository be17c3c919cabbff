namespace Engine.Storage.Parquet.Metadata;

/// <summary>Raw Parquet statistics of a column chunk or page: min/max as plain-encoded bytes.</summary>
internal sealed class ParquetStatistics
{
    /// <summary>Legacy max (signed byte-wise order; unreliable for strings and unsigned types).</summary>
    public byte[]? LegacyMax { get; set; }

    /// <summary>Legacy min (signed byte-wise order; unreliable for strings and unsigned types).</summary>
    public byte[]? LegacyMin { get; set; }

    public long? NullCount { get; set; }

    public long? DistinctCount { get; set; }

    /// <summary>NaN values of a floating-point chunk (nan_count, PARQUET-2249), when the writer recorded it.</summary>
    public long? NanCount { get; set; }

    /// <summary>Max in the column's sort order.</summary>
    public byte[]? MaxValue { get; set; }

    /// <summary>Min in the column's sort order.</summary>
    public byte[]? MinValue { get; set; }
}
