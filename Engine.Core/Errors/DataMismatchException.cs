namespace Engine.Core.Errors;

/// <summary>
/// A worker does not hold the data the coordinator planned against: a partition whose row count, file size,
/// version (ETag or last-write time) or generator spec differs, a scan range outside the partition, or a
/// column of another type. Names the table, the partition, the worker and what differed; nothing partial is
/// returned. A coordinator sends the fragment to another worker and fails the query with this error, naming
/// every worker it asked, when none holds matching data.
/// </summary>
public sealed class DataMismatchException : EngineException
{
    /// <summary>Creates an error for partition <paramref name="partitionId"/> of <paramref name="table"/> on <paramref name="worker"/>.</summary>
    public DataMismatchException(string table, string partitionId, string worker, string difference)
        : base($"Data mismatch on worker {worker}: table '{table}' partition '{partitionId}': {difference}")
    {
        Table = table;
        PartitionId = partitionId;
        Worker = worker;
        Difference = difference;
    }

    private DataMismatchException(string message, string table, string partitionId, string worker, Exception? innerException) : base(message, innerException)
    {
        Table = table;
        PartitionId = partitionId;
        Worker = worker;
        Difference = message;
    }

    /// <summary>An error carrying a message formatted elsewhere (by a worker, or summing up several workers' answers).</summary>
    internal static DataMismatchException FromMessage(string message, string table, string partitionId, string worker) => new(message, table, partitionId, worker, null);

    /// <summary>The table whose data differs.</summary>
    public string Table { get; }

    /// <summary>The partition whose data differs.</summary>
    public string PartitionId { get; }

    /// <summary>The worker (or workers, comma-separated) holding other data.</summary>
    public string Worker { get; }

    /// <summary>What differed, e.g. <c>100000 rows here, 200000 planned</c>.</summary>
    public string Difference { get; }
}
