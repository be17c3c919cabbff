using System.Text;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Functions;
using Engine.Core.Pipelines;
using Engine.Core.Planning;
using Engine.Core.Scheduling;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>
/// Runs fragments on worker processes over TCP (kind <c>remote</c>). Connections are persistent and
/// authenticated; a down worker is reconnected at the start of the next query, and worker names
/// (<see cref="RemoteSchedulerOptions.WorkerNames"/>) are re-resolved then when their answer is older than
/// <see cref="RemoteSchedulerOptions.WorkerRefreshInterval"/>. Each fragment prefers the
/// worker its first partition id hashes to (so a worker keeps reading the same partitions), and a worker
/// with a free slot takes queued fragments from others. A worker that loses its connection, misses
/// heartbeats or lets a fragment exceed <see cref="RemoteSchedulerOptions.FragmentTimeout"/> is marked down
/// and its unfinished fragments go to live workers, each fragment at most
/// <see cref="RemoteSchedulerOptions.MaxAttempts"/> times; every fragment yields exactly one partial. When no
/// worker is left the query fails with a <see cref="RemoteWorkerException"/> that names every worker and why
/// it failed. Cancelling the query sends Cancel to every worker. Safe for concurrent queries.
/// </summary>
public sealed class RemoteQueryScheduler : IQueryScheduler, IDisposable
{
    /// <summary>The <see cref="SchedulingDecision.Mode"/> this scheduler reports.</summary>
    public const string Mode = "REMOTE";

    private readonly RemoteSchedulerOptions _options;
    private readonly FunctionRegistry _functions;
    private readonly WorkerPool _pool;
    private bool _disposed;

    /// <summary>
    /// Creates a scheduler for the configured workers; connections open on the first query. Partials from
    /// workers bind their aggregates with <paramref name="functions"/> (the built-ins when null), which must
    /// be the registry the coordinator's queries are bound with.
    /// </summary>
    public RemoteQueryScheduler(RemoteSchedulerOptions options, FunctionRegistry? functions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate("Engine:Scheduler");
        _options = options;
        _functions = functions ?? FunctionRegistry.BuiltIn;
        _pool = new WorkerPool(options, _functions);
    }

    /// <inheritdoc />
    public string Kind => "remote";

    /// <inheritdoc />
    public int WorkerCount => Math.Max(1, _pool.MemberCount);

    /// <inheritdoc />
    public SchedulingDecision Describe(IReadOnlyList<QueryFragment> fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        return new(Mode, $"{fragments.Count} fragment(s) across {WorkerCount} configured worker(s), by partition affinity", WorkerCount, fragments.Count);
    }

    /// <inheritdoc />
    public async ValueTask<ScatterResult> ScatterAsync(
        IReadOnlyList<QueryFragment> fragments, QueryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        ArgumentNullException.ThrowIfNull(context);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (fragments.Count == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return new ScatterResult([], new SchedulingDecision("NONE", "no partition can match the query", 0, 0));
        }

        var pool = await _pool.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var connections = pool.Connections;
        var live = connections.Count(c => c is { IsAlive: true });
        if (live == 0)
        {
            throw AllWorkersFailed(pool, fragments.Count);
        }

        var decision = new SchedulingDecision(Mode, $"{fragments.Count} fragment(s) on {live} of {connections.Count} worker(s), by partition affinity", live, fragments.Count);
        var state = new ScatterState(fragments, connections.Count, w => connections[w] is { IsAlive: true }, _options.MaxAttempts);
        using var query = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var slots = new List<Task>();
        for (var w = 0; w < connections.Count; w++)
        {
            if (connections[w] is { IsAlive: true } connection)
            {
                // A worker's announced concurrency is its word: never more slots than there are fragments.
                var slotCount = Math.Min(connection.MaxConcurrency, fragments.Count);
                for (var s = 0; s < slotCount; s++)
                {
                    slots.Add(RunSlotAsync(w, connection, state, query.Token));
                }
            }
        }

        await Task.WhenAll(slots).ConfigureAwait(false);
        if (cancellationToken.IsCancellationRequested || state.Fatal is not null || state.Remaining > 0)
        {
            await CancelOnWorkersAsync(connections, fragments).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (state.Fatal is { } fatal)
        {
            throw fatal;
        }

        if (state.Remaining > 0)
        {
            throw AllWorkersFailed(pool, state.Remaining);
        }

        return new ScatterResult(state.Results(), decision with { Details = state.Reports() });
    }

    /// <summary>Closes every worker connection.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _pool.Dispose();
    }

    private static async Task RunSlotAsync(int worker, WorkerConnection connection, ScatterState state, CancellationToken cancellationToken)
    {
        while (await state.TakeAsync(worker, () => connection.IsAlive, cancellationToken).ConfigureAwait(false) is { } item)
        {
            FragmentOutcome outcome;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                outcome = await connection.ExecuteAsync(item.Fragment, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RemoteWorkerException ex)
            {
                // The worker is down: its fragments (this one included) go to live workers.
                state.Requeue(item, $"{connection.Name} ({connection.Endpoint})", ex.Message);
                state.Poke();
                return;
            }

            if (outcome.Partial is { } partial)
            {
                if (Mismatch(item.Fragment.Plan, partial) is { } problem)
                {
                    // A worker that answers with the wrong shape is broken: drop it and re-send the fragment.
                    connection.Fail($"its answer to fragment {item.Fragment.FragmentId} does not fit the plan: {problem}");
                    state.Requeue(item, $"{connection.Name} ({connection.Endpoint})", problem);
                    state.Poke();
                    return;
                }

                state.Complete(item, partial, $"{connection.Name} ({connection.Endpoint})", System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
            else if (outcome.ErrorCode == ErrorCode.DataMismatch)
            {
                state.Mismatch(item, worker, $"{connection.Name} ({connection.Endpoint})", outcome.ErrorMessage ?? string.Empty);
            }
            else if (outcome.ErrorCode is { } code && ErrorCodes.RunsElsewhere(code))
            {
                state.Requeue(item, $"{connection.Name} ({connection.Endpoint})", $"{ErrorCodes.TypeName(code)}: {outcome.ErrorMessage}");
            }
            else
            {
                // A query error fails the same way everywhere and an internal error is a defect: neither is re-sent.
                state.FailQuery(ErrorCodes.ToException(
                    outcome.ErrorCode ?? ErrorCode.Internal, outcome.ErrorMessage ?? string.Empty, $"{connection.Name} ({connection.Endpoint})", item.Fragment.FragmentId));
            }
        }
    }

    private static string? Mismatch(FragmentPlan plan, PartialResult partial)
    {
        switch (plan.Sink, partial)
        {
            case (CollectSink collect, RowPartial rows):
                return rows.Rows.Schema.Fields.Select(f => f.Type).SequenceEqual(collect.Rows.Fields.Select(f => f.Type))
                    ? null
                    : $"rows of ({rows.Rows.Schema}) for ({collect.Rows})";
            case (AggregateSink sink, GroupPartial groups):
                if (!groups.KeyTypes.SequenceEqual(sink.GroupKeys.Select(k => k.Type)))
                {
                    return $"group keys of {string.Join(", ", groups.KeyTypes)} for {string.Join(", ", sink.GroupKeys.Select(k => k.Type))}";
                }

                return groups.Aggregates.SequenceEqual(sink.Aggregates)
                    ? null
                    : $"aggregates {string.Join(", ", groups.Aggregates)} for {string.Join(", ", sink.Aggregates)}";
            case (AggregateSink, _):
                return "rows instead of groups";
            default:
                return "groups instead of rows";
        }
    }

    private static async Task CancelOnWorkersAsync(IReadOnlyList<WorkerConnection?> connections, IReadOnlyList<QueryFragment> fragments)
    {
        if (fragments.Count == 0)
        {
            return;
        }

        var queryId = fragments[0].QueryId;
        var sends = new List<Task>();
        foreach (var connection in connections)
        {
            if (connection is { IsAlive: true })
            {
                sends.Add(connection.CancelQueryAsync(queryId));
            }
        }

        await Task.WhenAll(sends).ConfigureAwait(false);
    }

    private RemoteWorkerException AllWorkersFailed(WorkerPoolSnapshot pool, int unfinished)
    {
        // The next query resolves the worker names again instead of waiting for the refresh interval.
        _pool.ResolveSoon();
        var text = new StringBuilder($"No live worker is left; {unfinished} fragment(s) unfinished.");
        for (var w = 0; w < pool.Members.Count; w++)
        {
            var reason = pool.Connections[w]?.Failure ?? pool.ConnectFailures[w] ?? "no connection";
            text.Append(w == 0 ? " " : "; ").Append($"worker {pool.Members[w]}: {Strip(reason, pool.Members[w])}");
        }

        foreach (var problem in pool.NameProblems)
        {
            text.Append(text[^1] == '.' ? " " : "; ").Append(problem);
        }

        return new RemoteWorkerException(text[^1] == '.' ? text.ToString() : text.Append('.').ToString());
    }

    private static string Strip(string reason, WorkerEndpoint endpoint)
    {
        var prefix = $"Worker {endpoint}: ";
        return reason.StartsWith(prefix, StringComparison.Ordinal) ? reason[prefix.Length..] : reason;
    }
}
