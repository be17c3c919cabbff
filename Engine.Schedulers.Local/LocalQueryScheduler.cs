using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Core.Planning;
using Engine.Core.Scheduling;

namespace Engine.Schedulers.Local;

/// <summary>
/// Runs fragments on this machine. Mode selection, in order: MaxThreads = 1 → SERIAL on the calling
/// thread; fewer rows than SerialThresholdRows → SERIAL; at least as many fragments as threads →
/// PARTITION (one fragment per task, idle workers take the next); otherwise CHUNKED (fragments split by
/// row range so every thread has work). Each worker merges its own partials, so at most one partial per
/// worker is returned. Thread-safe; one instance serves many queries.
/// </summary>
public sealed class LocalQueryScheduler : IQueryScheduler
{
    private readonly LocalSchedulerOptions _options;

    /// <summary>Creates a scheduler with validated <paramref name="options"/>.</summary>
    public LocalQueryScheduler(LocalSchedulerOptions options)
    {
        options.Validate("Engine:Scheduler");
        _options = options;
    }

    /// <inheritdoc />
    public string Kind => "local";

    /// <inheritdoc />
    public int WorkerCount => _options.EffectiveThreads;

    /// <inheritdoc />
    public SchedulingDecision Describe(IReadOnlyList<QueryFragment> fragments) => Decide(fragments).Decision;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<PartialAggResult>> ScatterAsync(
        IReadOnlyList<QueryFragment> fragments, QueryContext context, CancellationToken cancellationToken)
    {
        var (decision, tasks) = Decide(fragments);
        context.Decision = decision;
        var executor = new FragmentExecutor(context.Reader);
        if (decision.Mode == LocalModes.Serial)
        {
            var partials = new List<PartialAggResult>(tasks.Count);
            foreach (var fragment in tasks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                partials.Add(await executor.ExecuteAsync(fragment, cancellationToken).ConfigureAwait(false));
            }

            return partials.Count <= 1 ? partials : [PartialAggMerger.Merge(partials)];
        }

        return await RunParallelAsync(tasks, decision.Parallelism, executor, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<PartialAggResult>> RunParallelAsync(
        IReadOnlyList<QueryFragment> tasks, int threads, FragmentExecutor executor, CancellationToken cancellationToken)
    {
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var next = -1;
        var workers = new Task<PartialAggResult?>[threads];
        for (var w = 0; w < threads; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                var own = new List<PartialAggResult>();
                try
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < tasks.Count)
                    {
                        failure.Token.ThrowIfCancellationRequested();
                        own.Add(await executor.ExecuteAsync(tasks[index], failure.Token).ConfigureAwait(false));
                    }
                }
                catch
                {
                    // One failed fragment fails the query: stop the other workers promptly.
                    await failure.CancelAsync().ConfigureAwait(false);
                    throw;
                }

                return own.Count == 0 ? null : PartialAggMerger.Merge(own);
            }, CancellationToken.None);
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

        var results = new List<PartialAggResult>(threads);
        foreach (var worker in workers)
        {
            if (worker.Result is { } partial)
            {
                results.Add(partial);
            }
        }

        return results;
    }

    private (SchedulingDecision Decision, IReadOnlyList<QueryFragment> Tasks) Decide(IReadOnlyList<QueryFragment> fragments)
    {
        var threads = _options.EffectiveThreads;
        long rows = 0;
        foreach (var fragment in fragments)
        {
            rows += fragment.RowCount;
        }

        if (threads == 1)
        {
            return (new SchedulingDecision(LocalModes.Serial, "MaxThreads is 1", 1, fragments.Count), fragments);
        }

        var inFlight = _options.EffectiveFragmentsInFlight;
        if (inFlight > threads && fragments.Count > 1)
        {
            return (new SchedulingDecision(LocalModes.Partition,
                $"{fragments.Count} fragments, {Math.Min(inFlight, fragments.Count)} in flight for I/O-bound storage on {threads} threads",
                Math.Min(inFlight, fragments.Count), fragments.Count), fragments);
        }

        if (rows < _options.SerialThresholdRows)
        {
            return (new SchedulingDecision(LocalModes.Serial, $"{rows:N0} rows is below SerialThresholdRows ({_options.SerialThresholdRows:N0})", 1, fragments.Count), fragments);
        }

        if (fragments.Count >= threads)
        {
            return (new SchedulingDecision(LocalModes.Partition, $"{fragments.Count} fragments for {threads} threads", threads, fragments.Count), fragments);
        }

        var chunks = FragmentSplitter.Split(fragments, ChunkSize(rows, threads));
        var parallelism = Math.Min(threads, chunks.Count);
        return (new SchedulingDecision(LocalModes.Chunked, $"{fragments.Count} fragment(s) for {threads} threads: split {rows:N0} rows into {chunks.Count} chunks", parallelism, chunks.Count), chunks);
    }

    // Aim for several chunks per thread so a slow chunk does not leave other threads idle, but never
    // smaller than ChunkRows unless the configured size is itself small (tests use tiny chunks).
    private long ChunkSize(long rows, int threads) =>
        Math.Max(1, Math.Min(_options.ChunkRows, Math.Max(rows / (threads * 4L), 1)));
}
