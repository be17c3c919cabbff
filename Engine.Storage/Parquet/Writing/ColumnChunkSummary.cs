using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// What the footer records about one written column chunk: where its pages are, how they are encoded and
/// compressed, and its statistics. Produced by <see cref="ColumnChunkWriter.WriteChunk"/>; immutable except for
/// the page index locations, which the file writer fills in once it has written the indexes.
/// </summary>
internal sealed class ColumnChunkSummary
{
    /// <summary>The column name (the one-element path in the flat schema).</summary>
    public required string Name { get; init; }

    /// <summary>The physical type of the values.</summary>
    public required PhysicalType PhysicalType { get; init; }

    /// <summary>Every encoding used by the chunk's pages (values and levels), each once.</summary>
    public required IReadOnlyList<ParquetEncoding> Encodings { get; init; }

    /// <summary>The page compression codec.</summary>
    public required CompressionCodec Codec { get; init; }

    /// <summary>Values including NULLs (the number of rows, as the schema is flat).</summary>
    public required long NumValues { get; init; }

    /// <summary>Bytes of all page headers plus uncompressed page bodies.</summary>
    public required long TotalUncompressedSize { get; init; }

    /// <summary>Bytes of all page headers plus page bodies as stored.</summary>
    public required long TotalCompressedSize { get; init; }

    /// <summary>The file offset of the first data page.</summary>
    public required long DataPageOffset { get; init; }

    /// <summary>The file offset of the dictionary page, when the chunk has one.</summary>
    public required long? DictionaryPageOffset { get; init; }

    /// <summary>The number of NULL rows.</summary>
    public required long NullCount { get; init; }

    /// <summary>The number of NaN values (DOUBLE columns only), else null.</summary>
    public long? NanCount { get; init; }

    /// <summary>The smallest non-NULL value, PLAIN-encoded without a length prefix; null when there is none.</summary>
    public byte[]? MinValue { get; init; }

    /// <summary>The largest non-NULL value, PLAIN-encoded without a length prefix; null when there is none.</summary>
    public byte[]? MaxValue { get; init; }

    /// <summary>The chunk's data pages in file order, for the page index.</summary>
    public required IReadOnlyList<WrittenPage> Pages { get; init; }

    /// <summary>
    /// How the pages' min/max values are ordered; null when the chunk gets no ColumnIndex because a page holds
    /// values but none qualifies as min or max (only NaNs), which the ColumnIndex cannot express without
    /// writing NaN bounds. The OffsetIndex is written regardless.
    /// </summary>
    public required BoundaryOrder? BoundaryOrder { get; init; }

    /// <summary>Where the chunk's ColumnIndex was written (with <see cref="ColumnIndexLength"/>); set by <see cref="ParquetFileWriter"/> before the footer.</summary>
    public long? ColumnIndexOffset { get; set; }

    /// <summary>The ColumnIndex's length in bytes.</summary>
    public int? ColumnIndexLength { get; set; }

    /// <summary>Where the chunk's OffsetIndex was written (with <see cref="OffsetIndexLength"/>); set by <see cref="ParquetFileWriter"/> before the footer.</summary>
    public long? OffsetIndexOffset { get; set; }

    /// <summary>The OffsetIndex's length in bytes.</summary>
    public int? OffsetIndexLength { get; set; }

    /// <summary>The offset of the chunk's first page (dictionary or data).</summary>
    public long FirstPageOffset => DictionaryPageOffset ?? DataPageOffset;
}
