using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Core.Planning;
using Engine.Core.Scheduling;

namespace Engine.Schedulers.Local;

/// <summary>
/// Runs fragments on this machine. Mode selection, in order: MaxThreads = 1 → SERIAL on the calling
/// thread; fewer rows than SerialThresholdRows → SERIAL; at least as many fragments as threads →
/// PARTITION (a fragment larger than a thread's share of the rows split into row ranges of ChunkRows); otherwise
/// CHUNKED (fragments split by row range so every thread has work). The tasks are dealt to the workers as
/// contiguous ranges and idle workers steal half of the largest remaining range
/// (<see cref="StealingRanges"/>). Each worker adds its fragments to one session, so at most one partial per
/// worker is returned. Workers run on the thread pool or on the scheduler's dedicated threads
/// (<see cref="LocalSchedulerOptions.WorkerThreads"/>). Thread-safe; one instance serves many queries.
/// Dispose it (the DI container does) to stop its dedicated threads.
/// </summary>
public sealed class LocalQueryScheduler : IQueryScheduler, IDisposable
{
    private readonly LocalSchedulerOptions _options;
    private readonly DedicatedWorkerPool? _dedicated;

    /// <summary>Creates a scheduler with validated <paramref name="options"/>.</summary>
    public LocalQueryScheduler(LocalSchedulerOptions options)
    {
        options.Validate("Engine:Scheduler");
        _options = options;
        if (options.WorkerThreads == LocalWorkerThreads.Dedicated && options.EffectiveThreads > 1)
        {
            // The threads start with the first parallel query, not here.
            _dedicated = new DedicatedWorkerPool(options.EffectiveThreads);
        }
    }

    /// <inheritdoc />
    public string Kind => "local";

    /// <inheritdoc />
    public int WorkerCount => _options.EffectiveThreads;

    /// <inheritdoc />
    public SchedulingDecision Describe(IReadOnlyList<QueryFragment> fragments) => Decide(fragments).Decision;

    /// <inheritdoc />
    public async ValueTask<ScatterResult> ScatterAsync(
        IReadOnlyList<QueryFragment> fragments, QueryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        ArgumentNullException.ThrowIfNull(context);
        var (decision, tasks, cpuBound) = Decide(fragments);
        if (tasks.Count == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new ScatterResult([], decision);
        }

        var executor = new FragmentExecutor(context.Reader);
        if (decision.Mode == LocalModes.Serial)
        {
            using var session = executor.Begin(tasks[0].Plan);
            foreach (var fragment in tasks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await session.AddAsync(fragment, cancellationToken).ConfigureAwait(false);
            }

            return new ScatterResult([session.ToPartial()], decision);
        }

        // I/O-bound PARTITION keeps more fragments in flight than there are threads: those wait on storage
        // and stay on the pool, where an await holds no thread.
        var dedicated = cpuBound ? _dedicated : null;
        var partials = await RunParallelAsync(tasks, decision.Parallelism, executor, dedicated, cancellationToken).ConfigureAwait(false);
        return new ScatterResult(partials, decision);
    }

    /// <summary>Stops the dedicated worker threads, if any were started, after the work already queued to them.</summary>
    public void Dispose() => _dedicated?.Dispose();

    private static async Task<IReadOnlyList<PartialResult>> RunParallelAsync(
        IReadOnlyList<QueryFragment> tasks, int threads, FragmentExecutor executor, DedicatedWorkerPool? dedicated, CancellationToken cancellationToken)
    {
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = new StealingRanges(tasks.Count, threads);
        var workers = new Task<PartialResult?>[threads];
        for (var w = 0; w < threads; w++)
        {
            var worker = w;
            workers[w] = dedicated is null
                ? Task.Run(() => WorkAsync(tasks, queue, worker, executor, failure, null), CancellationToken.None)
                : dedicated.Start(() => WorkAsync(tasks, queue, worker, executor, failure, dedicated), failure.Token);
        }

        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A worker was stopped because another failed; report the original failure.
            var original = workers.Where(w => w.IsFaulted).SelectMany(w => w.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (original is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(original).Throw();
            }

            throw;
        }

        var results = new List<PartialResult>(threads);
        foreach (var worker in workers)
        {
            if (worker.Result is { } partial)
            {
                results.Add(partial);
            }
        }

        return results;
    }

    // One worker: its own range of tasks first, then stolen ones, all into one worker-local session exported once.
    // On dedicated threads it yields after a task when other work waits for a thread (another query's
    // workers), so concurrent queries take turns task by task instead of queueing behind each other.
    private static async Task<PartialResult?> WorkAsync(
        IReadOnlyList<QueryFragment> tasks, StealingRanges queue, int worker, FragmentExecutor executor, CancellationTokenSource failure,
        DedicatedWorkerPool? dedicated)
    {
        FragmentExecutor.Session? session = null;
        try
        {
            while (queue.TryTake(worker, out var index))
            {
                failure.Token.ThrowIfCancellationRequested();
                session ??= executor.Begin(tasks[index].Plan);
                await session.AddAsync(tasks[index], failure.Token).ConfigureAwait(false);
                if (dedicated is { HasWaitingWork: true })
                {
                    await dedicated.YieldAsync(failure.Token).ConfigureAwait(false);
                }
            }

            return session?.ToPartial();
        }
        catch
        {
            // One failed fragment fails the query: stop the other workers promptly.
            await failure.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            session?.Dispose();
        }
    }

    private (SchedulingDecision Decision, IReadOnlyList<QueryFragment> Tasks, bool CpuBound) Decide(IReadOnlyList<QueryFragment> fragments)
    {
        var threads = _options.EffectiveThreads;
        long rows = 0;
        foreach (var fragment in fragments)
        {
            rows += fragment.RowCount;
        }

        if (fragments.Count == 0)
        {
            return (new SchedulingDecision(LocalModes.None, "no partition can match the query", 0, 0), fragments, true);
        }

        if (threads == 1)
        {
            return (new SchedulingDecision(LocalModes.Serial, "MaxThreads is 1", 1, fragments.Count), fragments, true);
        }

        var inFlight = _options.EffectiveFragmentsInFlight;
        if (inFlight > threads && fragments.Count > 1)
        {
            return (new SchedulingDecision(LocalModes.Partition,
                $"{fragments.Count} fragments, {Math.Min(inFlight, fragments.Count)} in flight for I/O-bound storage on {threads} threads",
                Math.Min(inFlight, fragments.Count), fragments.Count), fragments, false);
        }

        if (rows < _options.SerialThresholdRows)
        {
            return (new SchedulingDecision(LocalModes.Serial, $"{rows:N0} rows is below SerialThresholdRows ({_options.SerialThresholdRows:N0})", 1, fragments.Count), fragments, true);
        }

        if (fragments.Count >= threads)
        {
            // A fragment above a thread's share of the rows (and above ChunkRows) keeps one thread busy longer
            // than the whole query should take, and stealing whole fragments cannot fix that: cut it into
            // tasks of ChunkRows. Smaller fragments stay whole, since a cut range re-reads the storage block
            // (a Parquet row group) it shares with its neighbour. Not in the I/O-bound case above either.
            var share = Math.Max(_options.ChunkRows, (rows + threads - 1) / threads);
            var pieces = FragmentSplitter.SplitLarge(fragments, share, _options.ChunkRows);
            var reason = pieces.SplitFragments == 0
                ? $"{fragments.Count} fragments for {threads} threads"
                : $"{fragments.Count} fragments for {threads} threads: {pieces.SplitFragments} above {share:N0} rows (a thread's share) split into tasks of {pieces.PieceRows:N0} rows, {pieces.Count} tasks";
            return (new SchedulingDecision(LocalModes.Partition, reason, threads, pieces.Count), pieces, true);
        }

        var chunks = FragmentSplitter.Split(fragments, ChunkSize(rows, threads));
        var parallelism = Math.Min(threads, chunks.Count);
        return (new SchedulingDecision(LocalModes.Chunked, $"{fragments.Count} fragment(s) for {threads} threads: split {rows:N0} rows into {chunks.Count} chunks", parallelism, chunks.Count), chunks, true);
    }

    // Aim for several chunks per thread so a slow chunk does not leave other threads idle, but never
    // smaller than ChunkRows unless the configured size is itself small (tests use tiny chunks).
    private long ChunkSize(long rows, int threads) =>
        Math.Max(1, Math.Min(_options.ChunkRows, Math.Max(rows / (threads * 4L), 1)));
}
