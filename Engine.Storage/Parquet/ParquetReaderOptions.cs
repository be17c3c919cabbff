using Microsoft.Extensions.Logging;

namespace Engine.Storage.Parquet;

/// <summary>Tuning and safety limits of <see cref="ParquetFileReader"/>. Immutable; share one instance freely.</summary>
public sealed record ParquetReaderOptions
{
    /// <summary>The default options.</summary>
    public static ParquetReaderOptions Default { get; } = new();

    /// <summary>Bytes read from the end of the file in the first request (footer and magic); a second request is made only when the footer is larger. Default 64 KiB.</summary>
    public int FooterReadSize { get; init; } = 64 * 1024;

    /// <summary>
    /// Column chunk ranges separated by at most this many bytes are fetched in one request (the gap is read
    /// and discarded): fewer requests against high-latency stores for a little extra transfer. Default 1 MiB;
    /// 0 merges only touching ranges.
    /// </summary>
    public int CoalesceGapBytes { get; init; } = 1024 * 1024;

    /// <summary>Whether page CRC-32 checksums are verified when a writer stored them. Default true.</summary>
    public bool VerifyChecksums { get; init; } = true;

    /// <summary>
    /// Column chunks of at least this many compressed bytes, when a row-group read has two or more of them, are
    /// decoded side by side on thread-pool threads instead of one after another on the reading thread. Default
    /// 1 MiB; 0 decodes every chunk on the reading thread.
    /// </summary>
    public int ParallelDecodeBytes { get; init; } = 1024 * 1024;

    /// <summary>The largest uncompressed page accepted, whatever its header claims. Default 256 MiB.</summary>
    public int MaxPageBytes { get; init; } = 256 * 1024 * 1024;

    /// <summary>The most rows a row group may declare. Default 2^28.</summary>
    public int MaxRowGroupRows { get; init; } = 1 << 28;

    /// <summary>
    /// Where a reader warns, once per file, that it ignores optional metadata that contradicts itself or the
    /// data (a page index, impossible statistics); every such case is also counted in
    /// <see cref="ParquetFileReader.IgnoredMetadataCount"/>. Default none (counted only).
    /// </summary>
    public ILogger? Logger { get; init; }
}
