namespace Engine.Storage.Parquet.Metadata;

/// <summary>One column of one row group.</summary>
internal sealed class ColumnChunk
{
    /// <summary>Set when the chunk lives in another file (not supported).</summary>
    public string? FilePath { get; set; }

    public ColumnMetaData? MetaData { get; set; }

    /// <summary>Where the chunk's OffsetIndex (page locations) starts in the file, when written.</summary>
    public long? OffsetIndexOffset { get; set; }

    /// <summary>The OffsetIndex's length in bytes, when written.</summary>
    public int? OffsetIndexLength { get; set; }

    /// <summary>Where the chunk's ColumnIndex (per-page min/max) starts in the file, when written.</summary>
    public long? ColumnIndexOffset { get; set; }

    /// <summary>The ColumnIndex's length in bytes, when written.</summary>
    public int? ColumnIndexLength { get; set; }

    /// <summary>True when the chunk is encrypted (column crypto metadata present).</summary>
    public bool IsEncrypted { get; set; }
}
