namespace Engine.Core.Storage;

/// <summary>
/// A flat key/value store of immutable objects (memory, local files, S3). Keys are relative paths that use
/// '/' as the separator. The shape follows high-latency stores: one <see cref="ReadAsync"/> call is one
/// ranged request, so callers coalesce nearby ranges themselves and never read byte by byte.
/// Implementations are safe to call from many threads at once and count their traffic in
/// <see cref="Statistics"/>.
/// </summary>
public interface IObjectStore
{
    /// <summary>Request and byte counters of this store, shared by every caller.</summary>
    ObjectStoreStatistics Statistics { get; }

    /// <summary>
    /// Lists the objects whose key starts with <paramref name="prefix"/> ("" lists everything), in ordinal
    /// key order. Throws <see cref="Errors.StorageException"/> when the store cannot be listed.
    /// </summary>
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>The size in bytes of <paramref name="key"/>; throws <see cref="Errors.StorageException"/> when it does not exist.</summary>
    ValueTask<long> GetSizeAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Reads bytes [<paramref name="offset"/>, offset + destination.Length) of <paramref name="key"/> into
    /// <paramref name="destination"/> in one request and returns how many bytes were copied: fewer than asked
    /// only when the object ends first (0 when <paramref name="offset"/> is at or past the end). The caller
    /// owns <paramref name="destination"/>; the store does not keep it after the call completes.
    /// Throws <see cref="Errors.StorageException"/> when the object does not exist or the read fails.
    /// </summary>
    ValueTask<int> ReadAsync(string key, long offset, Memory<byte> destination, CancellationToken cancellationToken);

    /// <summary>Creates or replaces <paramref name="key"/> with <paramref name="content"/> (copied before the call completes).</summary>
    ValueTask WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
