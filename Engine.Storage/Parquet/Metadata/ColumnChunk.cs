namespace Engine.Storage.Parquet.Metadata;

/// <summary>One column of one row group.</summary>
internal sealed class ColumnChunk
{
    /// <summary>Set when the chunk lives in another file (not supported).</summary>
    public string? FilePath { get; set; }

    public ColumnMetaData? MetaData { get; set; }

    /// <summary>True when the chunk is encrypted (column crypto metadata present).</summary>
    public bool IsEncrypted { get; set; }
}
