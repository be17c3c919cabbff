namespace Engine.Core.Storage;

/// <summary>
/// Thread-safe traffic counters of one object store: ranged read requests, bytes they returned, list and
/// write requests. Tests use them to prove projection pushdown (only the needed column chunks are
/// fetched); queries report them. Counters only grow until <see cref="Reset"/>.
/// </summary>
public sealed class ObjectStoreStatistics
{
    private long _readRequests;
    private long _bytesRead;
    private long _listRequests;
    private long _writeRequests;
    private long _bytesWritten;

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

    /// <summary>Sets every counter back to zero (for tests and per-query measurements).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _readRequests, 0);
        Interlocked.Exchange(ref _bytesRead, 0);
        Interlocked.Exchange(ref _listRequests, 0);
        Interlocked.Exchange(ref _writeRequests, 0);
        Interlocked.Exchange(ref _bytesWritten, 0);
    }
}
