using System.Globalization;

namespace Engine.Core.Storage;

/// <summary>
/// What a query asked of its object store: requests by kind, bytes fetched, retries, and how long the query
/// waited for data (I/O and decoding not yet done when the consumer wanted it). Differences of snapshots.
/// </summary>
/// <param name="GetRequests">Ranged reads that succeeded.</param>
/// <param name="HeadRequests">Size lookups.</param>
/// <param name="ListRequests">Listings (pages).</param>
/// <param name="BytesRead">Bytes fetched.</param>
/// <param name="Retries">Failed attempts that were retried.</param>
/// <param name="IoWait">Time consumers spent waiting for row groups.</param>
public sealed record StorageActivity(long GetRequests, long HeadRequests, long ListRequests, long BytesRead, long Retries, TimeSpan IoWait)
{
    /// <summary>
    /// Times the reader ignored optional file metadata that contradicts itself or the data (a Parquet page index
    /// read around, impossible statistics treated as unknown) instead of failing; 0 when the reader reports none.
    /// </summary>
    public long IgnoredMetadata { get; init; }

    /// <summary>The activity between two snapshots.</summary>
    public static StorageActivity operator -(StorageActivity after, StorageActivity before) => new(
        after.GetRequests - before.GetRequests,
        after.HeadRequests - before.HeadRequests,
        after.ListRequests - before.ListRequests,
        after.BytesRead - before.BytesRead,
        after.Retries - before.Retries,
        after.IoWait - before.IoWait)
    {
        IgnoredMetadata = after.IgnoredMetadata - before.IgnoredMetadata,
    };

    /// <summary>Counters of <paramref name="statistics"/> now, with <paramref name="ioWait"/>.</summary>
    public static StorageActivity From(ObjectStoreStatistics statistics, TimeSpan ioWait) =>
        new(statistics.ReadRequests, statistics.HeadRequests, statistics.ListRequests, statistics.BytesRead, statistics.Retries, ioWait);

    /// <summary>"N GET, N HEAD, N LIST, B bytes, N retries, waited X ms", then "; N metadata ignored" when some was.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{GetRequests:N0} GET, {HeadRequests:N0} HEAD, {ListRequests:N0} LIST, {BytesRead:N0} bytes, {Retries:N0} retries; waited {IoWait.TotalMilliseconds:F1} ms for data") +
        (IgnoredMetadata > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {IgnoredMetadata:N0} broken metadata ignored") : string.Empty);
}
