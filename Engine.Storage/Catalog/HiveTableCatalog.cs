using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Storage;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;

namespace Engine.Storage.Catalog;

/// <summary>
/// Tables stored as Parquet files in Hive layout, <c>&lt;table&gt;/&lt;key&gt;=&lt;value&gt;/…/part-N.parquet</c>,
/// in an object store. Discovery lists the store once and reads every footer once (kept for the life of
/// the catalog); each file is a partition whose key values come from its path and whose chunks are its
/// row groups with their statistics, or, when the file has a page index, the pieces of each row group between
/// page boundaries with their pages' statistics (so the planner prunes pages; scans of part of a row group read
/// only the pages they cover). Footers come from <see cref="HiveCatalogOptions.FooterCache"/> when the
/// store tags objects with an ETag, so rediscovering a store reads only new or replaced files. Path keys
/// become typed columns; a key that is also a column inside the files is one column, and a file whose statistics disagree with its path is an error. Also resolves
/// <c>FROM 'path'</c> to a local file or folder. Thread-safe; reads may run from many threads.
/// </summary>
public sealed class HiveTableCatalog : ITableCatalog, IPartitionReader, IStorageActivitySource
{
    /// <summary>The most chunks one row group is split into by its page index; a finer split keeps the row group whole.</summary>
    private const int MaxChunksPerRowGroup = 256;

    private static readonly string[] s_timeColumnNames = ["ts", "time", "timestamp"];

    private readonly ConcurrentDictionary<string, TableInfo> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, PartitionSource> _sources = new(StringComparer.Ordinal);
    private readonly ParquetReaderOptions? _readerOptions;
    private readonly HiveCatalogOptions _options;
    private long _waitTicks;

    private HiveTableCatalog(IObjectStore store, ParquetReaderOptions? readerOptions, HiveCatalogOptions? options)
    {
        Store = store;
        _readerOptions = readerOptions;
        _options = options ?? HiveCatalogOptions.Default;
        _options.Validate();
    }

    /// <summary>The store tables are discovered in.</summary>
    public IObjectStore Store { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> TableNames => [.. _tables.Keys.Where(k => !IsPathName(k)).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Discovers every table under the root of <paramref name="store"/> (one LIST, one footer read per file).</summary>
    public static async Task<HiveTableCatalog> OpenAsync(
        IObjectStore store, ParquetReaderOptions? readerOptions = null, HiveCatalogOptions? options = null, CancellationToken cancellationToken = default)
    {
        var catalog = new HiveTableCatalog(store, readerOptions, options);
        var byTable = new SortedDictionary<string, List<ObjectInfo>>(StringComparer.Ordinal);
        await foreach (var item in store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            var slash = item.Key.IndexOf('/', StringComparison.Ordinal);
            // Names starting with '.' or '_' are hidden, as in Hive: temporary output, _SUCCESS markers.
            if (slash <= 0 || !item.Key.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || item.Key[0] is '.' or '_')
            {
                continue;
            }

            var table = item.Key[..slash];
            if (!byTable.TryGetValue(table, out var files))
            {
                byTable[table] = files = [];
            }

            files.Add(item);
        }

        foreach (var (table, files) in byTable)
        {
            var info = await catalog.BuildTableAsync(table, store, files, table + "/", cancellationToken).ConfigureAwait(false);
            catalog._tables[table] = info;
        }

        return catalog;
    }

    /// <inheritdoc />
    public bool TrySnapshot(out StorageActivity activity)
    {
        // A file opened for two tables (a Hive table and a FROM 'path') is one reader, counted once.
        long ignored = 0;
        var seen = new HashSet<ParquetFileReader>(ReferenceEqualityComparer.Instance);
        foreach (var source in _sources.Values)
        {
            if (seen.Add(source.File))
            {
                ignored += source.File.IgnoredMetadataCount;
            }
        }

        activity = StorageActivity.From(Store.Statistics, TimeSpan.FromTicks(Interlocked.Read(ref _waitTicks))) with { IgnoredMetadata = ignored };
        return true;
    }

    /// <inheritdoc />
    public bool TryGetTable(string name, [MaybeNullWhen(false)] out TableInfo table)
    {
        if (_tables.TryGetValue(name, out table))
        {
            return true;
        }

        if (!IsPathName(name))
        {
            return false;
        }

        table = OpenPath(name);
        return true;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ColumnBatch> ReadAsync(PartitionScan scan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_sources.TryGetValue(scan.PartitionId, out var source))
        {
            throw new StorageException(scan.PartitionId, 1, "no such Parquet partition in the catalog");
        }

        var fields = new Field[scan.Columns.Count];
        var fileColumns = new List<string>();
        for (var i = 0; i < fields.Length; i++)
        {
            var index = source.Schema.IndexOf(scan.Columns[i]);
            if (index < 0)
            {
                throw new QueryBindException($"Column '{scan.Columns[i]}' does not exist in ({source.Schema}).");
            }

            fields[i] = source.Schema[index];
            if (!source.KeyValues.ContainsKey(fields[i].Name))
            {
                fileColumns.Add(fields[i].Name);
            }
        }

        var schema = new Schema(fields);
        var end = scan.RowStart + scan.RowCount;
        var wanted = new List<(ParquetRowGroupInfo Group, int Offset, int Rows)>();
        long groupStart = 0;
        foreach (var group in source.File.RowGroups)
        {
            var groupEnd = groupStart + group.RowCount;
            var from = Math.Max(groupStart, scan.RowStart);
            var to = Math.Min(groupEnd, end);
            if (from < to)
            {
                wanted.Add((group, (int)(from - groupStart), (int)(to - from)));
            }

            groupStart = groupEnd;
        }

        // Bounded prefetch: up to PrefetchDepth groups (and PrefetchBytes of compressed chunks) are fetched
        // and decoded on pool threads ahead of the consumer. When the consumer stops — done, LIMIT, error or
        // cancellation — the reads still in flight are cancelled and awaited before the stream ends.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<(Task<ColumnBatch> Read, long Bytes)>();
        long bytesInFlight = 0;
        var next = 0;
        try
        {
            while (next < wanted.Count || inFlight.Count > 0)
            {
                while (next < wanted.Count && inFlight.Count < _options.PrefetchDepth &&
                    (inFlight.Count == 0 || bytesInFlight + wanted[next].Group.CompressedBytes <= _options.PrefetchBytes))
                {
                    var (target, first, count) = wanted[next];
                    var index = target.Index;
                    // Part of a row group (a page-level chunk or a CHUNKED range): with a page index only the
                    // pages covering those rows are fetched and decoded, and the batch holds exactly those rows.
                    var selection = count < target.RowCount && fileColumns.Count > 0 && source.File.HasPageIndex
                        ? new RowSelection([new RowRange(first, first + count)])
                        : null;
                    var read = Task.Run(async () => await source.File.ReadRowGroupAsync(index, fileColumns, selection, stop.Token).ConfigureAwait(false), stop.Token);
                    inFlight.Enqueue((read, wanted[next].Group.CompressedBytes));
                    bytesInFlight += wanted[next].Group.CompressedBytes;
                    next++;
                }

                var (task, bytes) = inFlight.Dequeue();
                bytesInFlight -= bytes;
                var waitStart = Stopwatch.GetTimestamp();
                var batch = await task.ConfigureAwait(false);
                Interlocked.Add(ref _waitTicks, Stopwatch.GetElapsedTime(waitStart).Ticks);
                var (group, offset, rows) = wanted[next - inFlight.Count - 1];
                // A selective read returns exactly the wanted rows; a whole row group is sliced.
                var sliceStart = batch.RowCount == group.RowCount ? offset : 0;
                var columns = new Column[fields.Length];
                var fromFile = 0;
                for (var i = 0; i < fields.Length; i++)
                {
                    columns[i] = source.KeyValues.TryGetValue(fields[i].Name, out var value)
                        ? ConstantColumn.Create(value, rows)
                        : batch.Columns[fromFile++].Slice(sliceStart, rows);
                }

                yield return new ColumnBatch(schema, columns, rows);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var (task, _) in inFlight)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (Exception error) when (error is OperationCanceledException or EngineException)
                {
                    // The consumer has stopped (or failed); a read it no longer wants may end either way.
                }
            }
        }
    }

    private async Task<TableInfo> BuildTableAsync(string table, IObjectStore store, List<ObjectInfo> objects, string prefix, CancellationToken cancellationToken)
    {
        var files = objects.ConvertAll(o => o.Key);
        var readers = new List<ParquetFileReader>(files.Count);
        foreach (var info in objects)
        {
            readers.Add(_options.FooterCache is { } cache
                ? await cache.OpenAsync(store, info, _readerOptions, cancellationToken).ConfigureAwait(false)
                : await ParquetFileReader.OpenAsync(store, info.Key, _readerOptions, cancellationToken).ConfigureAwait(false));
        }

        var fileSchema = UnifySchemas(table, readers);
        var pathKeys = files.Select(f => HivePath.Keys(f[prefix.Length..])).ToArray();
        var keyNames = pathKeys.SelectMany(k => k.Select(p => p.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var keys in pathKeys)
        {
            var names = keys.Select(k => k.Name).ToList();
            if (!names.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(keyNames.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
            {
                throw new CorruptDataException(table, -1, $"files are partitioned by different keys: ({string.Join(", ", names)}) and ({string.Join(", ", keyNames)})");
            }
        }

        var fields = fileSchema.Fields.ToList();
        var keyTypes = new Dictionary<string, DataType>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in keyNames)
        {
            var inFile = fileSchema.IndexOf(name);
            var values = pathKeys.Select(k => k.First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value);
            keyTypes[name] = inFile >= 0 ? fileSchema[inFile].Type : PartitionKeyTyping.Infer(values);
            if (inFile < 0)
            {
                fields.Add(new Field(name, keyTypes[name]));
            }
        }

        var schema = new Schema(fields);
        var timeColumn = FindTimeColumn(schema);
        var partitions = new List<PartitionInfo>(files.Count);
        for (var f = 0; f < files.Count; f++)
        {
            var reader = readers[f];
            var keyValues = new Dictionary<string, ScalarValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, text) in pathKeys[f])
            {
                if (!PartitionKeyTyping.TryConvert(text, keyTypes[name], out var value))
                {
                    throw new CorruptDataException(files[f], -1, $"partition key {name}={text} is not a {keyTypes[name].SqlName()} like the column inside the files");
                }

                keyValues[schema[schema.IndexOf(name)].Name] = value;
            }

            var chunks = new List<PartitionChunk>(reader.RowGroups.Count);
            long rowStart = 0;
            foreach (var group in reader.RowGroups)
            {
                var statistics = new Dictionary<string, ColumnStatistics>(StringComparer.OrdinalIgnoreCase);
                for (var c = 0; c < reader.Schema.Count; c++)
                {
                    statistics[reader.Schema[c].Name] = group.Statistics[c];
                }

                foreach (var (name, value) in keyValues)
                {
                    if (statistics.TryGetValue(name, out var inFile) && Disagrees(inFile, value))
                    {
                        throw new CorruptDataException(files[f], -1,
                            $"column '{name}' holds values from {inFile.Min} to {inFile.Max} in row group {group.Index}, but the path says {name}={value}");
                    }
                }

                var pageChunks = reader.HasPageIndex ? await PageChunksAsync(reader, group, cancellationToken).ConfigureAwait(false) : null;
                foreach (var (start, rows, chunkStatistics) in pageChunks ?? [(0, group.RowCount, statistics)])
                {
                    foreach (var (name, value) in keyValues)
                    {
                        chunkStatistics[name] = new ColumnStatistics(value, value, value.IsNull ? rows : 0);
                    }

                    chunks.Add(new PartitionChunk(rowStart + start, rows, chunkStatistics));
                }

                rowStart += group.RowCount;
            }

            var id = store == Store ? files[f] : $"{((FileSystemObjectStore)store).RootDirectory}|{files[f]}";
            var pathOnly = keyValues.Where(k => fileSchema.IndexOf(k.Key) < 0).ToDictionary(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase);
            _sources[id] = new PartitionSource(reader, schema, pathOnly);
            partitions.Add(new PartitionInfo(id, keyValues, rowStart, chunks));
        }

        return new TableInfo(table, schema, partitions, timeColumn);
    }

    /// <summary>
    /// Splits row group <paramref name="group"/> at the union of its columns' page boundaries (from the page
    /// index) into chunks whose statistics, per column, are those of the one page holding the chunk's rows (the
    /// row group's when the page's min/max are unknown or the column has no page index). Null keeps the row
    /// group as one chunk: no column has a page index, every column has one page, or the split would give more
    /// than <see cref="MaxChunksPerRowGroup"/> chunks. A malformed page index raises <see cref="CorruptDataException"/>.
    /// </summary>
    private static async Task<List<(long Start, long Rows, Dictionary<string, ColumnStatistics> Statistics)>?> PageChunksAsync(
        ParquetFileReader reader, ParquetRowGroupInfo group, CancellationToken cancellationToken)
    {
        var columns = reader.Schema.Count;
        var pages = new IReadOnlyList<ParquetPageStatistics>?[columns];
        var boundaries = new SortedSet<long> { 0 };
        for (var c = 0; c < columns; c++)
        {
            pages[c] = await reader.ReadPageStatisticsAsync(group.Index, reader.Schema[c].Name, cancellationToken).ConfigureAwait(false);
            foreach (var page in pages[c] ?? [])
            {
                boundaries.Add(page.Rows.Start);
            }

            if (boundaries.Count > MaxChunksPerRowGroup)
            {
                return null;
            }
        }

        if (boundaries.Count == 1)
        {
            return null;
        }

        var starts = boundaries.ToArray();
        var next = new int[columns];
        var result = new List<(long, long, Dictionary<string, ColumnStatistics>)>(starts.Length);
        for (var i = 0; i < starts.Length; i++)
        {
            var start = starts[i];
            var end = i + 1 < starts.Length ? starts[i + 1] : group.RowCount;
            var statistics = new Dictionary<string, ColumnStatistics>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < columns; c++)
            {
                var whole = group.Statistics[c];
                var columnPages = pages[c];
                if (columnPages is null)
                {
                    statistics[reader.Schema[c].Name] = whole;
                    continue;
                }

                while (columnPages[next[c]].Rows.End <= start)
                {
                    next[c]++;
                }

                var (_, (min, max, nulls, nans)) = columnPages[next[c]];
                var pageRows = columnPages[next[c]].Rows.Length;
                // The page's NULL count says something about this slice only when it is none or all of the page;
                // its NaN count only when it is none.
                var sliceNulls = nulls == 0 ? 0 : nulls == pageRows ? end - start : -1;
                var sliceNans = nans == 0 || whole.NanCount == 0 ? 0 : -1;
                statistics[reader.Schema[c].Name] = min.IsNull || max.IsNull
                    ? whole with { NullCount = sliceNulls >= 0 ? sliceNulls : whole.NullCount == 0 ? 0 : -1, NanCount = sliceNans }
                    : new ColumnStatistics(min, max, sliceNulls, sliceNans);
            }

            result.Add((start, end - start, statistics));
        }

        return result;
    }

    private TableInfo OpenPath(string path)
    {
        var full = Path.GetFullPath(path);
        TableInfo table;
        if (File.Exists(full))
        {
            var store = new FileSystemObjectStore(Path.GetDirectoryName(full)!);
            table = BuildTableAsync(path, store, [new ObjectInfo(Path.GetFileName(full), new FileInfo(full).Length)], string.Empty, CancellationToken.None).GetAwaiter().GetResult();
        }
        else if (Directory.Exists(full))
        {
            var store = new FileSystemObjectStore(full);
            var files = Directory.EnumerateFiles(full, "*.parquet", SearchOption.AllDirectories)
                .Select(f => new ObjectInfo(Path.GetRelativePath(full, f).Replace('\\', '/'), new FileInfo(f).Length))
                .OrderBy(o => o.Key, StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                throw new StorageException(path, 1, "the folder holds no .parquet files");
            }

            table = BuildTableAsync(path, store, files, string.Empty, CancellationToken.None).GetAwaiter().GetResult();
        }
        else
        {
            throw new StorageException(path, 1, "no such file or folder");
        }

        return _tables.GetOrAdd(path, table);
    }

    private static Schema UnifySchemas(string table, List<ParquetFileReader> readers)
    {
        var first = readers[0];
        foreach (var reader in readers.Skip(1))
        {
            if (reader.Schema.Count != first.Schema.Count)
            {
                throw new CorruptDataException(reader.Key, -1, $"table '{table}' has files with different columns: ({reader.Schema}) and ({first.Schema}) in {first.Key}");
            }

            foreach (var field in reader.Schema.Fields)
            {
                var index = first.Schema.IndexOf(field.Name);
                if (index < 0 || first.Schema[index].Type != field.Type)
                {
                    var other = index < 0 ? "is missing" : $"is {first.Schema[index].Type.SqlName()}";
                    throw new CorruptDataException(reader.Key, -1, $"column '{field.Name}' is {field.Type.SqlName()} here but {other} in {first.Key}");
                }
            }
        }

        return new Schema(first.Schema.Fields.Select(f => f with { Nullable = readers.Any(r => r.Schema[r.Schema.IndexOf(f.Name)].Nullable) }).ToArray());
    }

    private static bool Disagrees(ColumnStatistics statistics, ScalarValue value) =>
        !statistics.Min.IsNull && !statistics.Max.IsNull && !value.IsNull &&
        (statistics.Min.CompareTo(value) != 0 || statistics.Max.CompareTo(value) != 0);

    private static string? FindTimeColumn(Schema schema)
    {
        foreach (var name in s_timeColumnNames)
        {
            var index = schema.IndexOf(name);
            if (index >= 0 && schema[index].Type == DataType.Timestamp)
            {
                return schema[index].Name;
            }
        }

        return schema.Fields.FirstOrDefault(f => f.Type == DataType.Timestamp)?.Name;
    }

    private static bool IsPathName(string name) =>
        name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) ||
        name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || name.StartsWith('.');

    private sealed record PartitionSource(ParquetFileReader File, Schema Schema, IReadOnlyDictionary<string, ScalarValue> KeyValues);
}
