namespace Engine.Core.Storage;

/// <summary>
/// Thread-safe traffic counters of one object store: ranged read requests, bytes they returned, size (HEAD),
/// list and write requests, and retries of failed attempts. Tests use them to prove projection pushdown (only
/// the needed column chunks are fetched); queries report them. A request that succeeded after retries counts
/// once in its own counter and once per failed attempt in <see cref="Retries"/>. Counters only grow until
/// <see cref="Reset"/>.
/// </summary>
public sealed class ObjectStoreStatistics
{
    private long _readRequests;
    private long _bytesRead;
    private long _listRequests;
    private long _writeRequests;
    private long _bytesWritten;
    private long _headRequests;
    private long _retries;

    /// <summary>Ranged read requests issued so far.</summary>
    public long ReadRequests => Interlocked.Read(ref _readRequests);

    /// <summary>Bytes returned by those read requests.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Listing requests issued so far.</summary>
    public long ListRequests => Interlocked.Read(ref _listRequests);

    /// <summary>Write requests issued so far.</summary>
    public long WriteRequests => Interlocked.Read(ref _writeRequests);

    /// <summary>Bytes stored by those write requests.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Size requests (HEAD on S3) issued so far; stores that answer sizes locally do not count them.</summary>
    public long HeadRequests => Interlocked.Read(ref _headRequests);

    /// <summary>Failed attempts that were retried (transient errors such as HTTP 503 or a connection reset).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Counts one read request that returned <paramref name="bytes"/> bytes; called by stores.</summary>
    public void RecordRead(long bytes)
    {
        Interlocked.Increment(ref _readRequests);
        Interlocked.Add(ref _bytesRead, bytes);
    }

    /// <summary>Counts one listing request; called by stores.</summary>
    public void RecordList() => Interlocked.Increment(ref _listRequests);

    /// <summary>Counts one write request of <paramref name="bytes"/> bytes; called by stores.</summary>
    public void RecordWrite(long bytes)
    {
        Interlocked.Increment(ref _writeRequests);
        Interlocked.Add(ref _bytesWritten, bytes);
    }

    /// <summary>Counts one size (HEAD) request; called by stores.</summary>
    public void RecordHead() => Interlocked.Increment(ref _headRequests);

    /// <summary>Counts one failed attempt that is about to be retried; called by stores.</summary>
    public void RecordRetry() => Interlocked.Increment(ref _retries);

    /// <summary>Sets every counter back to zero (for tests and per-query measurements).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _readRequests, 0);
        Interlocked.Exchange(ref _bytesRead, 0);
        Interlocked.Exchange(ref _listRequests, 0);
        Interlocked.Exchange(ref _writeRequests, 0);
        Interlocked.Exchange(ref _bytesWritten, 0);
        Interlocked.Exchange(ref _headRequests, 0);
        Interlocked.Exchange(ref _retries, 0);
    }
}
