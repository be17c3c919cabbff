namespace Engine.Core.Execution;

/// <summary>What one query run did, for EXPLAIN ANALYZE, the CLI and host apps.</summary>
public sealed record QueryStatistics
{
    /// <summary>The scheduler that ran the fragments ("local", "remote", or a plugin name).</summary>
    public required string SchedulerKind { get; init; }

    /// <summary>The mode the scheduler chose (SERIAL, PARTITION, CHUNKED, or the remote equivalent).</summary>
    public required string Mode { get; init; }

    /// <summary>Why that mode was chosen, in a sentence.</summary>
    public required string ModeReason { get; init; }

    /// <summary>Partitions of the table before pruning.</summary>
    public int PartitionsTotal { get; init; }

    /// <summary>Partitions left after pruning by key values and statistics.</summary>
    public int PartitionsScanned { get; init; }

    /// <summary>Fragments (or chunks) executed.</summary>
    public int FragmentsExecuted { get; init; }

    /// <summary>Rows read from storage by all fragments.</summary>
    public long RowsScanned { get; init; }

    /// <summary>Wall-clock time from SQL text to result.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The part of <see cref="Elapsed"/> after the fragments finished: merging partials, HAVING, ORDER BY, LIMIT.</summary>
    public TimeSpan GatherElapsed { get; init; }

    /// <summary>Per-task lines from the scheduler (for the remote scheduler: fragment, worker, attempts, time); null when it gives none.</summary>
    public IReadOnlyList<string>? Details { get; init; }

    /// <summary>Object-store requests, bytes, retries and I/O wait of the run; null when the data is in memory.</summary>
    public Storage.StorageActivity? Storage { get; init; }
}
