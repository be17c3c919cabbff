using Engine.Core.Errors;
using Engine.Storage.Compression;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Settings of a <see cref="ParquetFileWriter"/>. The defaults suit Engine's partitions: SNAPPY pages of
/// about 1 MiB or 20,000 rows, row groups of 1 Mi rows, string dictionaries of up to 1 MiB. Immutable; one instance may be
/// shared by many writers.
/// </summary>
public sealed record ParquetWriterOptions
{
    /// <summary>The default options.</summary>
    public static ParquetWriterOptions Default { get; } = new();

    /// <summary>The page compression codec: UNCOMPRESSED, SNAPPY (default), GZIP, BROTLI, ZSTD or LZ4_RAW.</summary>
    public CompressionCodec Codec { get; init; } = CompressionCodec.Snappy;

    /// <summary>
    /// Rows per row group (the last one may be smaller). A row group is buffered in memory until it is
    /// complete, so this bounds the writer's memory.
    /// </summary>
    public int RowGroupRows { get; init; } = 1 << 20;

    /// <summary>The target size in bytes of a data page's encoded values before compression; a page holds at least one value.</summary>
    public int PageSizeBytes { get; init; } = 1 << 20;

    /// <summary>
    /// The most rows in one data page (default 20,000, as parquet-mr): a page ends at whichever of
    /// <see cref="PageSizeBytes"/> and this limit comes first. Smaller pages give the page index finer
    /// min/max ranges, so a selective filter reads fewer bytes.
    /// </summary>
    public int PageRowLimit { get; init; } = 20_000;

    /// <summary>
    /// The largest plain-encoded dictionary (4 bytes plus the UTF-8 bytes per distinct value) for which a
    /// string column chunk is dictionary-encoded; larger dictionaries fall back to PLAIN for that chunk.
    /// Zero writes every string column PLAIN.
    /// </summary>
    public int DictionaryPageSizeLimit { get; init; } = 1 << 20;

    /// <summary>The footer's created_by text.</summary>
    public string CreatedBy { get; init; } = "Engine";

    /// <summary>Key/value pairs stored in the footer (e.g. how the file was produced); empty by default.</summary>
    public IReadOnlyList<KeyValue> KeyValueMetadata { get; init; } = [];

    /// <summary>Throws when a setting is out of range or the codec cannot be written.</summary>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(RowGroupRows, 1, nameof(RowGroupRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSizeBytes, 1, nameof(PageSizeBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(PageRowLimit, 1, nameof(PageRowLimit));
        ArgumentOutOfRangeException.ThrowIfNegative(DictionaryPageSizeLimit, nameof(DictionaryPageSizeLimit));
        ArgumentNullException.ThrowIfNull(CreatedBy, nameof(CreatedBy));
        ArgumentNullException.ThrowIfNull(KeyValueMetadata, nameof(KeyValueMetadata));
        if (!PageCompressor.CanCompress(Codec))
        {
            throw new UnsupportedFeatureException($"writing Parquet compression codec {Codec}", "the writer supports UNCOMPRESSED, SNAPPY, GZIP, BROTLI, ZSTD and LZ4_RAW");
        }
    }
}
