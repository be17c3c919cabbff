using System.Runtime.CompilerServices;
using Engine.Core.Storage;
using Engine.Storage.Parquet;

namespace Engine.Storage.Formats;

/// <summary>
/// Parquet files (<c>*.parquet</c>) as table files: a file's chunks are its row groups, split at page
/// boundaries when it has a page index. Footers come from <paramref name="footerCache"/> when the store tags
/// objects with an ETag. Thread-safe.
/// </summary>
/// <param name="readerOptions">How files are read (defaults when null).</param>
/// <param name="footerCache">Where opened footers are kept between discoveries; null reads every footer on every open.</param>
public sealed class ParquetFormat(ParquetReaderOptions? readerOptions = null, ParquetFooterCache? footerCache = null) : ITableFileFormat
{
    // One adapter per reader, so a file the footer cache hands to two tables is one file (counted once).
    private static readonly ConditionalWeakTable<ParquetFileReader, ParquetTableFile> s_files = [];

    /// <inheritdoc />
    public string Name => "Parquet";

    /// <inheritdoc />
    public bool Matches(string key) => key.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public async ValueTask<ITableFile> OpenAsync(IObjectStore store, ObjectInfo file, CancellationToken cancellationToken)
    {
        var reader = footerCache is null
            ? await ParquetFileReader.OpenAsync(store, file.Key, readerOptions, cancellationToken).ConfigureAwait(false)
            : await footerCache.OpenAsync(store, file, readerOptions, cancellationToken).ConfigureAwait(false);
        return s_files.GetValue(reader, r => new ParquetTableFile(r));
    }
}
