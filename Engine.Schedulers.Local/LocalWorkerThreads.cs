namespace Engine.Schedulers.Local;

/// <summary>Where the local scheduler's PARTITION and CHUNKED workers run (<c>Engine:Scheduler:WorkerThreads</c>).</summary>
public enum LocalWorkerThreads
{
    /// <summary>On the .NET thread pool, one pool work item per worker per query.</summary>
    Pool,

    /// <summary>
    /// On long-lived threads the scheduler creates once (one per <see cref="LocalSchedulerOptions.EffectiveThreads"/>)
    /// and feeds with each query's workers. I/O-bound PARTITION (FragmentsInFlight above the thread count)
    /// still uses the pool, since its fragments wait on storage and must not hold a thread each.
    /// </summary>
    Dedicated,
}
