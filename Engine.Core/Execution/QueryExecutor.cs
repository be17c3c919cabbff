using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Planning;
using Engine.Core.Scheduling;
using Engine.Core.Sql;
using Engine.Core.Storage;

namespace Engine.Core.Execution;

/// <summary>
/// Runs SQL end to end: parse, bind against the catalog, prune and plan fragments, hand them to the
/// injected <see cref="IQueryScheduler"/>, gather the partials, finalize aggregates and apply HAVING,
/// ORDER BY and LIMIT. The scheduler decides where fragments run; this class never changes with it.
/// Thread-safe; one instance serves many concurrent queries.
/// </summary>
public sealed class QueryExecutor : IQueryEngine
{
    private readonly IPartitionReader _reader;
    private readonly IQueryScheduler _scheduler;

    /// <summary>Creates an executor over a catalog, the reader of its partitions on this node, and a scheduler.</summary>
    public QueryExecutor(ITableCatalog catalog, IPartitionReader reader, IQueryScheduler scheduler)
    {
        Catalog = catalog;
        _reader = reader;
        _scheduler = scheduler;
    }

    /// <inheritdoc />
    public ITableCatalog Catalog { get; }

    /// <summary>The scheduler fragments are handed to.</summary>
    public IQueryScheduler Scheduler => _scheduler;

    /// <inheritdoc />
    public async Task<QueryResult> QueryAsync(string sql, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var planned = Plan(sql);
        var query = planned.Query;
        if (query.Explain && !query.Analyze)
        {
            return ExplainResult(Describe(planned, null), null);
        }

        var (result, statistics) = await RunAsync(planned, stopwatch, cancellationToken).ConfigureAwait(false);
        return query.Analyze ? ExplainResult(Describe(planned, statistics), statistics) : result;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Row queries without ORDER BY stream: fragments are scattered a scheduler's worth at a time and each
    /// group's rows are yielded as soon as it completes, so the first rows arrive before the scan ends, memory
    /// stays bounded by one group, and a LIMIT or a consumer that stops reading leaves later partitions unread.
    /// Aggregates and ordered queries need every fragment first, then stream the final rows.
    /// </remarks>
    public async IAsyncEnumerable<ResultRow> StreamAsync(string sql, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var planned = Plan(sql);
        var query = planned.Query;
        if (query.Explain || query.Plan.IsAggregate || query.Order.Count > 0 || planned.Fragments.Count == 0)
        {
            var result = await QueryAsync(sql, cancellationToken).ConfigureAwait(false);
            foreach (var row in result.Rows())
            {
                yield return new ResultRow(result.Schema, row);
            }

            yield break;
        }

        var schema = query.OutputSchema;
        var remaining = query.Limit ?? long.MaxValue;
        var groupSize = Math.Max(1, _scheduler.WorkerCount);
        for (var start = 0; start < planned.Fragments.Count && remaining > 0; start += groupSize)
        {
            var group = planned.Fragments.Skip(start).Take(groupSize).ToArray();
            var context = new QueryContext(group[0].QueryId, _reader);
            var partials = await _scheduler.ScatterAsync(group, context, cancellationToken).ConfigureAwait(false);
            if (partials.Count == 0)
            {
                continue;
            }

            var batch = FinalStage.Apply(query with { Limit = remaining }, _scheduler.Gather(partials));
            remaining -= batch.RowCount;
            for (var r = 0; r < batch.RowCount; r++)
            {
                var values = new ScalarValue[batch.Columns.Count];
                for (var c = 0; c < values.Length; c++)
                {
                    values[c] = batch.Columns[c].GetScalar(r);
                }

                yield return new ResultRow(schema, values);
            }
        }
    }

    /// <inheritdoc />
    public Task<string> ExplainAsync(string sql, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Describe(Plan(sql), null));
    }

    /// <summary>Runs <paramref name="sql"/> and returns EXPLAIN ANALYZE text: the plan, the mode and what the run did.</summary>
    public async Task<string> ExplainAnalyzeAsync(string sql, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var planned = Plan(sql);
        var (_, statistics) = await RunAsync(planned, stopwatch, cancellationToken).ConfigureAwait(false);
        return Describe(planned, statistics);
    }

    /// <summary>Parses, binds and plans <paramref name="sql"/> without running it: the fragments and what pruning removed.</summary>
    public PlannedQuery Plan(string sql)
    {
        var statement = SqlParser.Parse(sql);
        var bound = Binder.Bind(sql, statement, Catalog);
        return QueryPlanner.Plan(bound, Guid.NewGuid());
    }

    private async Task<(QueryResult Result, QueryStatistics Statistics)> RunAsync(PlannedQuery planned, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var query = planned.Query;
        var queryId = planned.Fragments.Count > 0 ? planned.Fragments[0].QueryId : Guid.NewGuid();
        var context = new QueryContext(queryId, _reader);
        var storageSource = _reader as IStorageActivitySource;
        StorageActivity? storageBefore = null;
        if (storageSource is not null && storageSource.TrySnapshot(out var before))
        {
            storageBefore = before;
        }

        PartialAggResult merged;
        var scatterEnd = stopwatch.Elapsed;
        if (planned.Fragments.Count == 0)
        {
            // Nothing to read (empty table, or everything pruned): the identity partial still yields the
            // one row of a global aggregate (count 0, sum NULL) and zero rows otherwise.
            var empty = new QueryFragment(queryId, 0, query.Plan, []);
            merged = await new FragmentExecutor(_reader).ExecuteAsync(empty, cancellationToken).ConfigureAwait(false);
            context.Decision = new SchedulingDecision("NONE", "no partition can match the query", 0, 0);
        }
        else
        {
            var partials = await _scheduler.ScatterAsync(planned.Fragments, context, cancellationToken).ConfigureAwait(false);
            scatterEnd = stopwatch.Elapsed;
            merged = partials.Count == 0
                ? await new FragmentExecutor(_reader).ExecuteAsync(new QueryFragment(queryId, 0, query.Plan, []), cancellationToken).ConfigureAwait(false)
                : _scheduler.Gather(partials);
        }

        var batch = FinalStage.Apply(query, merged);
        var decision = context.Decision ?? _scheduler.Describe(planned.Fragments);
        var statistics = new QueryStatistics
        {
            SchedulerKind = _scheduler.Kind,
            Mode = decision.Mode,
            ModeReason = decision.Reason,
            PartitionsTotal = planned.PartitionsTotal,
            PartitionsScanned = planned.Fragments.Count,
            FragmentsExecuted = decision.Tasks,
            RowsScanned = merged.RowsScanned,
            Elapsed = stopwatch.Elapsed,
            GatherElapsed = stopwatch.Elapsed - scatterEnd,
            Storage = storageBefore is not null && storageSource!.TrySnapshot(out var after) ? after - storageBefore : null,
            Details = decision.Details,
        };
        return (new QueryResult(batch.Schema, [batch], statistics), statistics);
    }

    private string Describe(PlannedQuery planned, QueryStatistics? statistics)
    {
        var query = planned.Query;
        var plan = query.Plan;
        var decision = planned.Fragments.Count == 0
            ? new SchedulingDecision("NONE", "no partition can match the query", 0, 0)
            : _scheduler.Describe(planned.Fragments);
        var rows = planned.Fragments.Sum(f => f.RowCount);
        var text = new StringBuilder();
        text.AppendLine($"Table: {query.Table.Name} ({query.Table.Partitions.Count} partitions, {query.Table.RowCount:N0} rows)");
        text.AppendLine($"Pruning: {planned.Fragments.Count} of {planned.PartitionsTotal} partitions, {planned.ChunksScanned} of {planned.ChunksTotal} chunks remain ({rows:N0} rows)");
        text.AppendLine($"Scan columns: {string.Join(", ", plan.ScanFields.Select(f => f.Name))}");
        if (plan.Filter is not null)
        {
            text.AppendLine($"Filter: {plan.Filter}");
        }

        if (plan.IsAggregate)
        {
            text.AppendLine($"Group keys: {(plan.GroupKeys.Count == 0 ? "(none: one group)" : string.Join(", ", plan.GroupKeys))}");
            text.AppendLine($"Aggregates: {string.Join(", ", plan.Aggregates)}");
        }
        else
        {
            text.AppendLine($"Projections: {string.Join(", ", plan.Projections)}");
            if (plan.Limit is { } limit)
            {
                text.AppendLine(plan.OrderBy.Count > 0 ? $"Top-N per fragment: {limit} rows" : $"Limit per fragment: {limit} rows");
            }
        }

        if (query.Having is not null)
        {
            text.AppendLine($"Having: {query.Having}");
        }

        text.AppendLine($"Fragments: {planned.Fragments.Count}");
        text.AppendLine($"Scheduler: {_scheduler.Kind}, {decision.Parallelism} worker(s)");
        text.AppendLine($"Mode: {decision.Mode} ({decision.Reason}), {decision.Tasks} task(s)");
        if (statistics is not null)
        {
            text.AppendLine($"Rows scanned: {statistics.RowsScanned:N0}");
            text.AppendLine($"Elapsed: {statistics.Elapsed.TotalMilliseconds:F3} ms (gather and final stage {statistics.GatherElapsed.TotalMilliseconds:F3} ms)");
            if (statistics.Storage is { } storage)
            {
                text.AppendLine($"Storage: {storage}");
            }

            foreach (var detail in statistics.Details ?? [])
            {
                text.AppendLine($"  {detail}");
            }
        }

        return text.ToString().TrimEnd();
    }

    // EXPLAIN ANALYZE keeps the statistics of the run it describes; plain EXPLAIN ran nothing.
    private static QueryResult ExplainResult(string text, QueryStatistics? analyzed)
    {
        var lines = text.Split('\n');
        var column = StringColumn.FromValues(lines);
        var schema = new Schema([new Field("plan", DataType.String, Nullable: false)]);
        var statistics = analyzed ?? new QueryStatistics { SchedulerKind = "none", Mode = "EXPLAIN", ModeReason = "plan only" };
        return new QueryResult(schema, [new ColumnBatch(schema, [column], lines.Length)], statistics);
    }
}
