using Engine.Core.Storage;

namespace Engine.Storage.Parquet;

/// <summary>
/// Opened Parquet files (their parsed footers) kept across catalogs, keyed by store, key and reader options
/// and valid while the object's <see cref="ObjectInfo.ETag"/> is unchanged: discovering the same store again
/// (a new catalog, a second query in a host app) reads no footer of an unchanged file, and re-reads a file
/// that was replaced. Objects listed without an ETag are never cached. Bounded to <see cref="Capacity"/>
/// files, the least recently used dropped first. Thread-safe. Stores are compared by reference, so a cache
/// entry keeps its store alive until it is evicted or <see cref="Clear"/> is called.
/// </summary>
public sealed class ParquetFooterCache
{
    /// <summary>The capacity of <see cref="Shared"/>: footers of this many files.</summary>
    public const int DefaultCapacity = 4096;

    private readonly Dictionary<EntryKey, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new();
    private readonly Lock _lock = new();
    private long _hits;
    private long _misses;

    /// <summary>Creates an empty cache that holds at most <paramref name="capacity"/> files (at least 1).</summary>
    public ParquetFooterCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The process-wide cache catalogs use unless their options name another (<see cref="DefaultCapacity"/> files).</summary>
    public static ParquetFooterCache Shared { get; } = new(DefaultCapacity);

    /// <summary>The most files kept.</summary>
    public int Capacity { get; }

    /// <summary>The number of files kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Opens that were answered from the cache, without a request.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Opens of an ETag-tagged object that had to read its footer (not cached yet, replaced, or evicted).</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>
    /// The reader of <paramref name="info"/> in <paramref name="store"/>: the cached one when the store, key,
    /// options and ETag match, otherwise a newly opened one (see <see cref="ParquetFileReader.OpenAsync"/>, which
    /// also lists what it throws) that replaces any entry for an older version of the object.
    /// </summary>
    public async ValueTask<ParquetFileReader> OpenAsync(IObjectStore store, ObjectInfo info, ParquetReaderOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= ParquetReaderOptions.Default;
        if (info.ETag is null)
        {
            return await ParquetFileReader.OpenAsync(store, info.Key, options, cancellationToken).ConfigureAwait(false);
        }

        var key = new EntryKey(store, info.Key, options);
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node) && node.Value.ETag == info.ETag)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                Interlocked.Increment(ref _hits);
                return node.Value.Reader;
            }
        }

        Interlocked.Increment(ref _misses);
        var reader = await ParquetFileReader.OpenAsync(store, info.Key, options, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (_entries.Remove(key, out var stale))
            {
                _recency.Remove(stale);
            }

            _entries[key] = _recency.AddFirst(new Entry(key, info.ETag, reader));
            while (_entries.Count > Capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
        }

        return reader;
    }

    /// <summary>Drops every entry (the hit and miss counters are kept).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _recency.Clear();
        }
    }

    private readonly record struct EntryKey(IObjectStore Store, string Key, ParquetReaderOptions Options);

    private sealed record Entry(EntryKey Key, string ETag, ParquetFileReader Reader);
}
