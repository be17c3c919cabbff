using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Functions;
using Engine.Core.Pipelines;
using Engine.Core.Planning;
using Engine.Core.Scheduling;
using Engine.Core.Sql;
using Engine.Core.Sql.Ast;
using Engine.Core.Storage;

namespace Engine.Core.Execution;

/// <summary>
/// Runs SQL end to end: parse, bind against the catalog and the function registry, prune and plan
/// fragments, hand them to the injected <see cref="IQueryScheduler"/> (also when there are none), gather
/// the partials and run the coordinator pipeline (finalize, HAVING, SELECT list, ORDER BY, LIMIT). The
/// scheduler decides where fragments run; this class never changes with it.
/// Thread-safe; one instance serves many concurrent queries.
/// </summary>
public sealed class QueryExecutor : IQueryEngine
{
    private readonly IPartitionReader _reader;
    private readonly IQueryScheduler _scheduler;
    private readonly FunctionRegistry _functions;
    private readonly TimeProvider _clock;

    /// <summary>
    /// Creates an executor over a catalog, the reader of its partitions on this node, a scheduler, the
    /// functions queries may call (the built-ins when null), and the clock that now() reads once per statement
    /// (the system clock when null).
    /// </summary>
    public QueryExecutor(ITableCatalog catalog, IPartitionReader reader, IQueryScheduler scheduler, FunctionRegistry? functions = null, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        Catalog = catalog;
        _reader = reader;
        _scheduler = scheduler;
        _functions = functions ?? FunctionRegistry.BuiltIn;
    }

    /// <inheritdoc />
    public ITableCatalog Catalog { get; }

    /// <summary>The scheduler fragments are handed to.</summary>
    public IQueryScheduler Scheduler => _scheduler;

    /// <summary>The functions queries can call.</summary>
    public FunctionRegistry Functions => _functions;

    /// <summary>Reads the partitions of <see cref="Catalog"/> on this node.</summary>
    internal IPartitionReader Reader => _reader;

    /// <summary>The clock now, in microseconds since 1970 UTC: read once per statement, when it starts to bind.</summary>
    internal long ReadClock() => TimestampMicros.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    /// <inheritdoc />
    public async Task<QueryResult> QueryAsync(string sql, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var statement = SqlParser.Parse(sql);
        if (!StatementRunner.IsSingleBlock(statement.Query))
        {
            return await RunBlocksAsync(sql, statement, stopwatch, cancellationToken).ConfigureAwait(false);
        }

        var planned = await PlanAsync(sql, statement, cancellationToken).ConfigureAwait(false);
        var query = planned.Query;
        if (query.Explain && !query.Analyze)
        {
            return ExplainResult(Describe(planned, null), PlanStatistics(planned));
        }

        var (result, statistics) = await RunAsync(planned, stopwatch, cancellationToken).ConfigureAwait(false);
        return query.Analyze ? ExplainResult(Describe(planned, statistics), statistics) : result;
    }

    // Statements of several blocks (WITH, derived tables, set operations, subqueries, SELECT without FROM).
    private async Task<QueryResult> RunBlocksAsync(string sql, SqlStatement statement, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var runner = new StatementRunner(this, sql, execute: !statement.Explain || statement.Analyze);
        var result = await runner.RunAsync(statement.Query, cancellationToken).ConfigureAwait(false);
        var statistics = CombinedStatistics(runner, result, stopwatch);
        if (!statement.Explain)
        {
            return new QueryResult(result.Schema, result.Batches, statistics);
        }

        var text = string.Join("\n", runner.Blocks.Select((b, i) =>
            $"Block {i + 1} of {runner.Blocks.Count} ({b.Role}):\n  " + Describe(b.Plan, b.Statistics, b.Scheduler).Replace("\n", "\n  ", StringComparison.Ordinal)));
        return ExplainResult(text, statistics);
    }

    private QueryStatistics CombinedStatistics(StatementRunner runner, QueryResult result, Stopwatch stopwatch)
    {
        var blocks = runner.Blocks.Where(b => b.Statistics is not null).Select(b => b.Statistics!).ToArray();
        var main = blocks.FirstOrDefault(b => b.SchedulerKind == _scheduler.Kind) ?? blocks.LastOrDefault() ?? result.Statistics;
        return main with
        {
            PartitionsTotal = blocks.Sum(b => b.PartitionsTotal),
            PartitionsScanned = blocks.Sum(b => b.PartitionsScanned),
            FragmentsExecuted = blocks.Sum(b => b.FragmentsExecuted),
            RowsScanned = blocks.Sum(b => b.RowsScanned),
            Elapsed = stopwatch.Elapsed,
        };
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
        var statement = SqlParser.Parse(sql);
        var planned = StatementRunner.IsSingleBlock(statement.Query) ? await PlanAsync(sql, statement, cancellationToken).ConfigureAwait(false) : null;
        var query = planned?.Query;
        if (planned is null || query!.Explain || !query.IsStreamable || planned.Fragments.Count == 0 || query.Coordinator.Operators.OfType<LimitOperator>().Any(l => l.Offset > 0))
        {
            var result = await QueryAsync(sql, cancellationToken).ConfigureAwait(false);
            foreach (var row in result.Rows())
            {
                yield return new ResultRow(result.Schema, row);
            }

            yield break;
        }

        var schema = query.OutputSchema;
        var limit = query.Coordinator.Operators.OfType<LimitOperator>().FirstOrDefault()?.Limit;
        var remaining = limit ?? long.MaxValue;
        var groupSize = Math.Max(1, _scheduler.WorkerCount);
        for (var start = 0; start < planned.Fragments.Count && remaining > 0; start += groupSize)
        {
            var group = planned.Fragments.Skip(start).Take(groupSize).ToArray();
            var context = new QueryContext(group[0].QueryId, _reader);
            var scatter = await _scheduler.ScatterAsync(group, context, cancellationToken).ConfigureAwait(false);
            if (scatter.Partials.Count == 0)
            {
                continue;
            }

            var coordinator = new CoordinatorPlan([.. query.Coordinator.Operators.Select(o => o is LimitOperator cut ? cut with { Limit = remaining } : o)]);
            var batch = coordinator.Run(query.Plan.Sink.Finalize(_scheduler.Gather(scatter.Partials)));
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
    public async Task<string> ExplainAsync(string sql, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var statement = SqlParser.Parse(sql);
        if (!StatementRunner.IsSingleBlock(statement.Query))
        {
            var explained = await RunBlocksAsync(sql, statement with { Explain = true, Analyze = false }, Stopwatch.StartNew(), cancellationToken).ConfigureAwait(false);
            return string.Join("\n", explained.Rows().Select(r => r[0].StringValue));
        }

        return Describe(await PlanAsync(sql, statement, cancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>Runs <paramref name="sql"/> and returns EXPLAIN ANALYZE text: the plan, the mode and what the run did.</summary>
    public async Task<string> ExplainAnalyzeAsync(string sql, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var planned = await PlanAsync(sql, cancellationToken).ConfigureAwait(false);
        var (_, statistics) = await RunAsync(planned, stopwatch, cancellationToken).ConfigureAwait(false);
        return Describe(planned, statistics);
    }

    /// <summary>
    /// True when <paramref name="statement"/> is one query block (a SELECT over one table, no WITH, subquery
    /// or set operation): what <see cref="PlanAsync(string, CancellationToken)"/> plans.
    /// </summary>
    public static bool IsSingleBlock(SqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return StatementRunner.IsSingleBlock(statement.Query);
    }

    /// <summary>
    /// Parses, binds and plans <paramref name="sql"/>, a single SELECT over a table, without running it: the
    /// fragments and what pruning removed. Finds the table in the catalog first (which may discover it).
    /// </summary>
    /// <exception cref="UnsupportedFeatureException">The statement has several query blocks (WITH, subqueries, set operations).</exception>
    public ValueTask<PlannedQuery> PlanAsync(string sql, CancellationToken cancellationToken = default) =>
        PlanAsync(sql, SqlParser.Parse(sql), cancellationToken);

    private async ValueTask<PlannedQuery> PlanAsync(string sql, SqlStatement statement, CancellationToken cancellationToken)
    {
        if (statement.Query is SelectStatement { From: TableRef from })
        {
            await Catalog.FindTableAsync(from.Name, cancellationToken).ConfigureAwait(false);
        }

        var bound = Binder.Bind(sql, statement, Catalog, _functions, ReadClock());
        return QueryPlanner.Plan(bound, Guid.NewGuid());
    }

    private Task<(QueryResult Result, QueryStatistics Statistics)> RunAsync(PlannedQuery planned, Stopwatch stopwatch, CancellationToken cancellationToken) =>
        RunPlannedAsync(planned, _reader, _scheduler, stopwatch, cancellationToken);

    /// <summary>Runs one planned block: scatter on <paramref name="scheduler"/> (also with no fragments), gather, coordinator pipeline.</summary>
    internal static async Task<(QueryResult Result, QueryStatistics Statistics)> RunPlannedAsync(
        PlannedQuery planned, IPartitionReader reader, IQueryScheduler scheduler, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var query = planned.Query;
        var context = new QueryContext(planned.QueryId, reader);
        var storageSource = reader as IStorageActivitySource;
        StorageActivity? storageBefore = null;
        if (storageSource is not null && storageSource.TrySnapshot(out var before))
        {
            storageBefore = before;
        }

        var scatter = await scheduler.ScatterAsync(planned.Fragments, context, cancellationToken).ConfigureAwait(false);
        var scatterEnd = stopwatch.Elapsed;

        // No partial (nothing to read: an empty table, or everything pruned): the sink's identity still yields
        // the one row of a global aggregate (count 0, sum NULL) and no rows otherwise.
        var merged = scatter.Partials.Count == 0 ? query.Plan.Sink.EmptyPartial() : scheduler.Gather(scatter.Partials);
        var batch = query.Coordinator.Run(query.Plan.Sink.Finalize(merged));
        var decision = scatter.Decision;
        var statistics = new QueryStatistics
        {
            SchedulerKind = scheduler.Kind,
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

    private QueryStatistics PlanStatistics(PlannedQuery planned)
    {
        var decision = _scheduler.Describe(planned.Fragments);
        return new QueryStatistics
        {
            SchedulerKind = _scheduler.Kind,
            Mode = "EXPLAIN",
            ModeReason = $"plan only; a run would be {decision.Mode} ({decision.Reason})",
            PartitionsTotal = planned.PartitionsTotal,
            PartitionsScanned = planned.Fragments.Count,
            FragmentsExecuted = 0,
        };
    }

    private string Describe(PlannedQuery planned, QueryStatistics? statistics) => Describe(planned, statistics, _scheduler);

    private static string Describe(PlannedQuery planned, QueryStatistics? statistics, IQueryScheduler scheduler)
    {
        var query = planned.Query;
        var plan = query.Plan;
        var decision = scheduler.Describe(planned.Fragments);
        long rows = 0;
        foreach (var fragment in planned.Fragments)
        {
            rows += fragment.RowCount;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Table: {query.Table.Name} ({query.Table.Partitions.Count} partitions, {query.Table.RowCount:N0} rows)");
        text.AppendLine(CultureInfo.InvariantCulture, $"Pruning: {planned.Fragments.Count} of {planned.PartitionsTotal} partitions, {planned.ChunksScanned} of {planned.ChunksTotal} chunks remain ({rows:N0} rows)");
        text.AppendLine(CultureInfo.InvariantCulture, $"Scan columns: {string.Join(", ", plan.ScanFields.Select(f => f.Name))}");
        if (plan.ScanFilter is { } filter)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Filter: {filter}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"In fragments: {plan.Describe()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"After gather: {query.Coordinator.Describe(plan.Sink)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Fragments: {planned.Fragments.Count}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Scheduler: {scheduler.Kind}, {decision.Parallelism} worker(s)");
        text.AppendLine(CultureInfo.InvariantCulture, $"Mode: {decision.Mode} ({decision.Reason}), {decision.Tasks} task(s)");
        if (statistics is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Rows scanned: {statistics.RowsScanned:N0}");
            text.AppendLine(CultureInfo.InvariantCulture, $"Elapsed: {statistics.Elapsed.TotalMilliseconds:F3} ms (gather and final stage {statistics.GatherElapsed.TotalMilliseconds:F3} ms)");
            if (statistics.Storage is { } storage)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Storage: {storage}");
            }

            foreach (var detail in statistics.Details ?? [])
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {detail}");
            }
        }

        return text.ToString().TrimEnd();
    }

    // EXPLAIN ANALYZE keeps the statistics of the run it describes; plain EXPLAIN ran nothing.
    private static QueryResult ExplainResult(string text, QueryStatistics statistics)
    {
        var lines = text.Split('\n');
        var column = StringColumn.FromValues(lines);
        var schema = new Schema([new Field("plan", DataType.String, Nullable: false)]);
        return new QueryResult(schema, [new ColumnBatch(schema, [column], lines.Length)], statistics);
    }
}
