using Engine.Storage.Formats;
using Engine.Storage.Parquet;

namespace Engine.Storage.Catalog;

/// <summary>How a <see cref="HiveTableCatalog"/> reads partitions.</summary>
public sealed record HiveCatalogOptions
{
    /// <summary>The defaults: 4 row groups ahead per stream, at most 256 MiB of compressed column chunks in flight.</summary>
    public static HiveCatalogOptions Default { get; } = new();

    /// <summary>Row groups fetched and decoded ahead of the consumer, per partition stream (at least 1).</summary>
    public int PrefetchDepth { get; init; } = 4;

    /// <summary>
    /// Compressed bytes of row groups in flight per stream; more groups are not started past it, except that
    /// one group is always allowed so a large group cannot stall the stream.
    /// </summary>
    public long PrefetchBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Where opened footers are kept between discoveries, keyed by (store, key, ETag): a new catalog over the
    /// same store reads only the footers of new or replaced files. Defaults to the process-wide
    /// <see cref="ParquetFooterCache.Shared"/>; null reads every footer at every discovery.
    /// </summary>
    public ParquetFooterCache? FooterCache { get; init; } = ParquetFooterCache.Shared;

    /// <summary>
    /// The formats table files are read in, tried in order by <see cref="ITableFileFormat.Matches"/>; null is
    /// Parquet alone (<see cref="ParquetFormat"/> with the catalog's reader options and <see cref="FooterCache"/>).
    /// </summary>
    public IReadOnlyList<ITableFileFormat>? Formats { get; init; }

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PrefetchDepth, 1, nameof(PrefetchDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(PrefetchBytes, 1, nameof(PrefetchBytes));
        if (Formats is { Count: 0 })
        {
            throw new ArgumentException("At least one table file format is needed.", nameof(Formats));
        }
    }
}
