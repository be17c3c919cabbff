using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Engine.Core.Errors;
using Engine.Core.Storage;

namespace Engine.Storage.ObjectStores;

/// <summary>
/// An object store held in process memory: for tests, benchmarks and small generated tables. Every call
/// completes synchronously; objects are immutable byte arrays, replaced whole by a write. Thread-safe.
/// </summary>
public sealed class InMemoryObjectStore : IObjectStore
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ObjectStoreStatistics Statistics { get; } = new();

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectKeys.ValidatePrefix(prefix);
        Statistics.RecordList();
        var matches = new List<ObjectInfo>();
        foreach (var pair in _objects)
        {
            if (pair.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                matches.Add(new ObjectInfo(pair.Key, pair.Value.Length));
            }
        }

        matches.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var match in matches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return match;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> GetSizeAsync(string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult((long)Get(key).Length);
    }

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var content = Get(key);
        var count = offset >= content.Length ? 0 : (int)Math.Min(destination.Length, content.Length - offset);
        content.AsSpan((int)Math.Min(offset, content.Length), count).CopyTo(destination.Span);
        Statistics.RecordRead(count);
        return ValueTask.FromResult(count);
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectKeys.Validate(key);
        _objects[key] = content.ToArray();
        Statistics.RecordWrite(content.Length);
        return ValueTask.CompletedTask;
    }

    private byte[] Get(string key)
    {
        ObjectKeys.Validate(key);
        return _objects.TryGetValue(key, out var content)
            ? content
            : throw new StorageException(key, 1, "the object does not exist");
    }
}
