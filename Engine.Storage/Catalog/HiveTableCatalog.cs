using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Storage;
using Engine.Storage.Formats;
using Engine.Storage.Parquet;

namespace Engine.Storage.Catalog;

/// <summary>
/// Tables stored as files in Hive layout, <c>&lt;table&gt;/&lt;key&gt;=&lt;value&gt;/…/part-N.parquet</c>, in an
/// object store, read through the file formats of <see cref="HiveCatalogOptions.Formats"/> (Parquet by
/// default). Discovery lists the store once and opens every file once (its footer, kept for the life of the
/// catalog); each file is a partition whose key values come from its path and whose chunks are the file's
/// chunks with their statistics (a Parquet file's row groups, or their pieces between page boundaries when it
/// has a page index, so the planner prunes pages and scans of part of a row group read only the pages they
/// cover). Also resolves <c>FROM 'path'</c> to a local file or folder.
/// </summary>
/// <remarks>
/// <see cref="Create"/> does no I/O: tables are discovered on the first <see cref="FindTableAsync"/> or
/// partition read (a failed discovery is retried by the next), <see cref="OpenAsync"/> discovers at once.
/// <see cref="TryGetTable"/> answers from what is discovered or opened already. Thread-safe; reads may run
/// from many threads.
/// </remarks>
public sealed class HiveTableCatalog : ITableCatalog, IPartitionReader, IStorageActivitySource
{
    private readonly ConcurrentDictionary<string, TableInfo> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, PartitionSource> _sources = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<ITableFileFormat> _formats;
    private readonly PartitionScanner _scanner;
    private readonly Lock _discoveryLock = new();
    private Task? _discovery;

    private HiveTableCatalog(IObjectStore store, ParquetReaderOptions? readerOptions, HiveCatalogOptions? options)
    {
        Store = store;
        options ??= HiveCatalogOptions.Default;
        options.Validate();
        _formats = options.Formats ?? [new ParquetFormat(readerOptions, options.FooterCache)];
        _scanner = new PartitionScanner(options);
    }

    /// <summary>The store tables are discovered in.</summary>
    public IObjectStore Store { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> TableNames => [.. _tables.Keys.Where(k => !PathTables.IsPathName(k)).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// A catalog over <paramref name="store"/> that discovers its tables when first asked for one; no I/O now.
    /// <paramref name="readerOptions"/> configure the default Parquet format (ignored when
    /// <see cref="HiveCatalogOptions.Formats"/> is set).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static HiveTableCatalog Create(IObjectStore store, ParquetReaderOptions? readerOptions = null, HiveCatalogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new HiveTableCatalog(store, readerOptions, options);
    }

    /// <summary>A catalog over <paramref name="store"/> with every table discovered (one LIST, one footer read per file).</summary>
    /// <exception cref="CorruptDataException">A file is not a valid file of its format, or a table's files disagree.</exception>
    /// <exception cref="StorageException">The store could not be listed or read.</exception>
    public static async Task<HiveTableCatalog> OpenAsync(
        IObjectStore store, ParquetReaderOptions? readerOptions = null, HiveCatalogOptions? options = null, CancellationToken cancellationToken = default)
    {
        var catalog = Create(store, readerOptions, options);
        await catalog.DiscoverAsync(cancellationToken).ConfigureAwait(false);
        return catalog;
    }

    /// <summary>Discovers the store's tables unless that is done already; concurrent callers share one discovery.</summary>
    /// <exception cref="CorruptDataException">A file is not a valid file of its format, or a table's files disagree.</exception>
    /// <exception cref="StorageException">The store could not be listed or read.</exception>
    public Task DiscoverAsync(CancellationToken cancellationToken = default)
    {
        Task discovery;
        lock (_discoveryLock)
        {
            if (_discovery is null || _discovery.IsFaulted || _discovery.IsCanceled)
            {
                _discovery = DiscoverTablesAsync();
            }

            discovery = _discovery;
        }

        return discovery.IsCompletedSuccessfully ? discovery : discovery.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public bool TrySnapshot(out StorageActivity activity)
    {
        // A file opened for two tables (a Hive table and a FROM 'path') is one file, counted once.
        long ignored = 0;
        var seen = new HashSet<ITableFile>(ReferenceEqualityComparer.Instance);
        foreach (var source in _sources.Values)
        {
            if (seen.Add(source.File))
            {
                ignored += source.File.IgnoredMetadataCount;
            }
        }

        activity = StorageActivity.From(Store.Statistics, _scanner.Waited) with { IgnoredMetadata = ignored };
        return true;
    }

    /// <inheritdoc />
    public bool TryGetTable(string name, [MaybeNullWhen(false)] out TableInfo table) => _tables.TryGetValue(name, out table);

    /// <inheritdoc />
    /// <remarks>Discovers the store first when that is not done yet; a path opens the file or folder it names.</remarks>
    /// <exception cref="StorageException">The store could not be read, or a path names no file or folder.</exception>
    /// <exception cref="CorruptDataException">A file of the table is not valid.</exception>
    public async ValueTask<TableInfo?> FindTableAsync(string name, CancellationToken cancellationToken)
    {
        if (_tables.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!PathTables.IsPathName(name))
        {
            await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            return _tables.GetValueOrDefault(name);
        }

        var (store, files) = PathTables.Resolve(name, _formats);
        var (table, sources) = await HiveTableBuilder.BuildAsync(
            name, store, files, string.Empty, key => $"{store.RootDirectory}|{key}", _formats, cancellationToken).ConfigureAwait(false);
        foreach (var (id, source) in sources)
        {
            _sources[id] = source;
        }

        return _tables.GetOrAdd(name, table);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ColumnBatch> ReadAsync(PartitionScan scan, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_sources.TryGetValue(scan.PartitionId, out var source))
        {
            await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            if (!_sources.TryGetValue(scan.PartitionId, out source))
            {
                throw new StorageException(scan.PartitionId, 1, "no such partition in the catalog");
            }
        }

        await foreach (var batch in _scanner.ReadAsync(source, scan, cancellationToken).ConfigureAwait(false))
        {
            yield return batch;
        }
    }

    private async Task DiscoverTablesAsync()
    {
        var byTable = await TableDiscovery.ListTablesAsync(Store, _formats, CancellationToken.None).ConfigureAwait(false);
        foreach (var (name, files) in byTable)
        {
            var (table, sources) = await HiveTableBuilder.BuildAsync(name, Store, files, name + "/", key => key, _formats, CancellationToken.None).ConfigureAwait(false);
            foreach (var (id, source) in sources)
            {
                _sources[id] = source;
            }

            _tables[name] = table;
        }
    }
}
