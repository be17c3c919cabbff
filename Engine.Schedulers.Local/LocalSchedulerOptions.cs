namespace Engine.Schedulers.Local;

/// <summary>Options of the local scheduler, bound from <c>Engine:Scheduler</c>.</summary>
public sealed class LocalSchedulerOptions
{
    /// <summary>The <c>Engine:Scheduler</c> keys the local scheduler reads.</summary>
    public static IReadOnlyList<string> SettingNames { get; } =
        [nameof(MaxThreads), nameof(SerialThresholdRows), nameof(ChunkRows), nameof(FragmentsInFlight), nameof(WorkerThreads)];

    /// <summary>Worker threads; 0 means one per core. 1 runs everything serially on the calling thread.</summary>
    public int MaxThreads { get; set; }

    /// <summary>
    /// Queries reading fewer rows than this run SERIAL, without a thread-pool hop. The default, 1,000,000, is
    /// where PARTITION/CHUNKED started to beat SERIAL in the sweep recorded in docs/benchmarks.md (2 cores).
    /// </summary>
    public long SerialThresholdRows { get; set; } = 1_000_000;

    /// <summary>
    /// Target rows per chunk when CHUNKED mode splits fragments by row range. In PARTITION mode, a fragment
    /// larger than a thread's share of the query's rows (and than this) is split into row ranges of this
    /// size, so idle workers can steal parts of it.
    /// </summary>
    public long ChunkRows { get; set; } = 256 * 1024;

    /// <summary>
    /// Fragments in flight at once in PARTITION mode; 0 means one per thread. Raise it for high-latency
    /// storage (S3): fragments await I/O asynchronously without holding a thread, so more requests overlap
    /// while CPU work stays bounded by the thread pool. With it above the thread count, a query of several
    /// fragments runs PARTITION even below SerialThresholdRows, since its time is I/O, not CPU.
    /// </summary>
    public int FragmentsInFlight { get; set; }

    /// <summary>
    /// Whether parallel workers run on dedicated threads owned by the scheduler (the default) or on the .NET
    /// thread pool. Dedicated measured faster with the bench <c>run</c> mode on a shared 2-core machine (10M
    /// trades in memory, 39 interleaved runs: Q1 faster in 33 of them, median 12.6 ms against 18.9 ms; Q3,
    /// Q4 and Q6 within noise).
    /// </summary>
    public LocalWorkerThreads WorkerThreads { get; set; } = LocalWorkerThreads.Dedicated;

    /// <summary>The fragments actually kept in flight in PARTITION mode.</summary>
    public int EffectiveFragmentsInFlight => Math.Max(EffectiveThreads, FragmentsInFlight);

    /// <summary>The thread count actually used: <see cref="MaxThreads"/>, or the core count when it is 0.</summary>
    public int EffectiveThreads => MaxThreads > 0 ? MaxThreads : Environment.ProcessorCount;

    /// <summary>Throws a configuration error naming the bad key under <paramref name="section"/>.</summary>
    public void Validate(string section)
    {
        if (MaxThreads < 0)
        {
            throw new Core.Errors.ConfigurationException($"{section}:MaxThreads", $"must be 0 (all cores) or positive, got {MaxThreads}");
        }

        if (SerialThresholdRows < 0)
        {
            throw new Core.Errors.ConfigurationException($"{section}:SerialThresholdRows", $"must not be negative, got {SerialThresholdRows}");
        }

        if (FragmentsInFlight < 0)
        {
            throw new Core.Errors.ConfigurationException($"{section}:FragmentsInFlight", $"must be 0 (one per thread) or positive, got {FragmentsInFlight}");
        }

        if (!Enum.IsDefined(WorkerThreads))
        {
            throw new Core.Errors.ConfigurationException($"{section}:WorkerThreads", $"must be Pool or Dedicated, got {(int)WorkerThreads}");
        }

        if (ChunkRows < 1)
        {
            throw new Core.Errors.ConfigurationException($"{section}:ChunkRows", $"must be at least 1, got {ChunkRows}");
        }
    }
}
