namespace Engine.Storage.Parquet.Metadata;

/// <summary>Where a column chunk lives and how it is encoded.</summary>
internal sealed class ColumnMetaData
{
    public PhysicalType Type { get; set; }

    public IReadOnlyList<string> PathInSchema { get; set; } = [];

    /// <summary>Field 2: the encodings used by the chunk's pages (for inspection; page headers drive decoding).</summary>
    public IReadOnlyList<ParquetEncoding> Encodings { get; set; } = [];

    public CompressionCodec Codec { get; set; }

    public long NumValues { get; set; }

    public long TotalUncompressedSize { get; set; }

    public long TotalCompressedSize { get; set; }

    public IReadOnlyList<KeyValue> KeyValueMetadata { get; set; } = [];

    public long DataPageOffset { get; set; }

    public long? DictionaryPageOffset { get; set; }

    public ParquetStatistics? Statistics { get; set; }
}
