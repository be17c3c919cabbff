using System.Collections.Immutable;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;
using Engine.Core.Expressions;
using Engine.Core.Pipelines;
using Engine.Core.Planning;
using Engine.Core.Scheduling;
using Engine.Core.Sql.Ast;

namespace Engine.Core.Execution;

/// <summary>
/// Runs a statement of several query blocks: common table expressions, derived tables, set operations,
/// uncorrelated subqueries and SELECT without FROM. Inner blocks run first: those that read tables on the
/// configured scheduler (scattered next to the data), the others on the coordinator over the rows the
/// inner blocks returned, which are kept as transient in-memory tables for the one statement. A subquery
/// used as a value is computed first and planned in as a constant, so it prunes. One instance serves one
/// statement run, on one logical thread.
/// </summary>
internal sealed class StatementRunner
{
    private const string OneRowTable = "__one_row";

    private readonly QueryExecutor _executor;
    private readonly string _sql;
    private readonly bool _execute;
    private readonly long _statementTimestamp;
    private readonly InMemoryCatalog _transient = new();
    private readonly Dictionary<CommonTableExpression, TableInfo> _materialized = new(ReferenceEqualityComparer.Instance);
    private readonly List<(string Role, PlannedQuery Plan, IQueryScheduler Scheduler, QueryStatistics? Statistics)> _blocks = [];
    private int _tables;

    /// <summary>
    /// Creates a runner for <paramref name="sql"/>. With <paramref name="execute"/> false, blocks are only
    /// bound and planned (for EXPLAIN): inner results are empty and subqueries are NULL.
    /// </summary>
    public StatementRunner(QueryExecutor executor, string sql, bool execute)
    {
        _executor = executor;
        _sql = sql;
        _execute = execute;
        _statementTimestamp = executor.ReadClock();
    }

    /// <summary>The blocks run so far, in order: their role, plan, scheduler and (after a run) statistics.</summary>
    public IReadOnlyList<(string Role, PlannedQuery Plan, IQueryScheduler Scheduler, QueryStatistics? Statistics)> Blocks => _blocks;

    /// <summary>True when <paramref name="query"/> is one SELECT over a catalog table with no subquery: the executor's direct path.</summary>
    public static bool IsSingleBlock(QueryExpression query) =>
        query is SelectStatement { From: TableRef } select && !BlockExpressions(select).Any(e => FindSubqueries(e).Any());

    /// <summary>Runs <paramref name="query"/> and returns its rows.</summary>
    public Task<QueryResult> RunAsync(QueryExpression query, CancellationToken cancellationToken) =>
        RunAsync(query, Scope.Empty, "query", cancellationToken);

    private async Task<QueryResult> RunAsync(QueryExpression query, Scope scope, string role, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (query)
        {
            case WithQuery with:
            {
                var inner = scope;
                foreach (var cte in with.Ctes)
                {
                    inner = inner.With(cte, inner);
                }

                return await RunAsync(with.Body, inner, role, cancellationToken).ConfigureAwait(false);
            }

            case SetOperationQuery set:
                return await RunSetOperationAsync(set, scope, role, cancellationToken).ConfigureAwait(false);
            case SelectStatement select:
                return await RunSelectAsync(select, scope, role, cancellationToken).ConfigureAwait(false);
            default:
                throw new UnsupportedFeatureException($"a {query.GetType().Name} query", null);
        }
    }

    private async Task<QueryResult> RunSelectAsync(
        SelectStatement select, Scope scope, string role, CancellationToken cancellationToken, (TableInfo Table, string? Alias, bool OnCoordinator)? from = null)
    {
        var subqueries = new Dictionary<SqlExpression, SubqueryValue>(ReferenceEqualityComparer.Instance);
        foreach (var subquery in BlockExpressions(select).SelectMany(FindSubqueries))
        {
            subqueries[subquery] = await EvaluateSubqueryAsync(subquery, scope, cancellationToken).ConfigureAwait(false);
        }

        var (table, alias, onCoordinator) = from ?? await ResolveFromAsync(select.From, scope, cancellationToken).ConfigureAwait(false);
        var bound = Binder.Bind(_sql, select, table, alias, _executor.Functions, subqueries, explain: false, analyze: false, _statementTimestamp);
        var planned = QueryPlanner.Plan(bound, Guid.NewGuid());
        var reader = onCoordinator ? _transient : _executor.Reader;
        var scheduler = onCoordinator ? CoordinatorScheduler.Instance : _executor.Scheduler;
        if (!_execute)
        {
            _blocks.Add((role, planned, scheduler, null));
            return Empty(bound.OutputSchema);
        }

        var (result, statistics) = await QueryExecutor.RunPlannedAsync(planned, reader, scheduler, System.Diagnostics.Stopwatch.StartNew(), cancellationToken)
            .ConfigureAwait(false);
        _blocks.Add((role, planned, scheduler, statistics));
        return result;
    }

    private async Task<(TableInfo Table, string? Alias, bool OnCoordinator)> ResolveFromAsync(FromItem? from, Scope scope, CancellationToken cancellationToken)
    {
        switch (from)
        {
            case null:
                if (!_transient.TryGetTable(OneRowTable, out var one))
                {
                    one = _transient.Register(OneRowTable, [new ColumnBatch(new Schema([]), [], 1)]);
                }

                return (one, "(no table)", true);
            case TableRef { IsPath: false } reference when scope.TryGet(reference.Name, out var cte, out var definedIn):
            {
                if (!_materialized.TryGetValue(cte, out var table))
                {
                    var result = await RunAsync(cte.Query, definedIn, $"WITH {cte.Name}", cancellationToken).ConfigureAwait(false);
                    table = Register(result);
                    _materialized[cte] = table;
                }

                return (table, reference.Alias ?? cte.Name, true);
            }

            case TableRef reference:
                await _executor.Catalog.FindTableAsync(reference.Name, cancellationToken).ConfigureAwait(false);
                return (Binder.ResolveTable(_sql, _executor.Catalog, reference), reference.Alias, false);
            case SubqueryRef subquery:
            {
                var result = await RunAsync(subquery.Query, scope, $"derived table{(subquery.Alias is null ? string.Empty : " " + subquery.Alias)}", cancellationToken)
                    .ConfigureAwait(false);
                return (Register(result), subquery.Alias ?? "(subquery)", true);
            }

            default:
                throw new UnsupportedFeatureException($"FROM {from.ToSql()}", null);
        }
    }

    private async Task<SubqueryValue> EvaluateSubqueryAsync(SqlExpression subquery, Scope scope, CancellationToken cancellationToken)
    {
        var (query, kind) = subquery switch
        {
            SubqueryExpression s => (s.Query, "scalar subquery"),
            InSubqueryExpression s => (s.Query, "IN subquery"),
            ExistsExpression s => (s.Query, "EXISTS subquery"),
            _ => throw new InvalidOperationException($"{subquery.GetType().Name} is not a subquery."),
        };
        QueryResult result;
        try
        {
            result = await RunAsync(query, scope, kind, cancellationToken).ConfigureAwait(false);
        }
        catch (QueryBindException error) when (error.Problem.Contains("does not exist in table", StringComparison.Ordinal))
        {
            // The usual cause: a column of the outer query, which would make the subquery correlated.
            throw new UnsupportedFeatureException(
                $"correlated subqueries are not supported yet (a {kind} can only use its own FROM): {error.Problem}", _sql, subquery.Position.Line, subquery.Position.Column);
        }

        if (subquery is ExistsExpression)
        {
            return new ExistsSubqueryValue(result.RowCount > 0);
        }

        if (result.Schema.Count != 1)
        {
            throw new QueryBindException($"A {kind} must return one column, this one returns {result.Schema.Count}", _sql, subquery.Position.Line, subquery.Position.Column);
        }

        var type = result.Schema[0].Type;
        if (subquery is SubqueryExpression)
        {
            if (result.RowCount > 1)
            {
                throw new QueryExecutionException($"More than one row returned by a subquery used as an expression ({result.RowCount} rows); scalar subqueries can only return a single row.");
            }

            return new ScalarSubqueryValue(result.RowCount == 0 ? ScalarValue.Null(type) : result.GetValue(0, 0));
        }

        var values = new HashSet<ScalarValue>();
        foreach (var row in result.Rows())
        {
            values.Add(row[0]);
        }

        return new ListSubqueryValue(type, [.. values]);
    }

    private async Task<QueryResult> RunSetOperationAsync(SetOperationQuery set, Scope scope, string role, CancellationToken cancellationToken)
    {
        var left = await RunAsync(set.Left, scope, $"{set.Operator} left side", cancellationToken).ConfigureAwait(false);
        var right = await RunAsync(set.Right, scope, $"{set.Operator} right side", cancellationToken).ConfigureAwait(false);
        var name = set.Operator.ToString().ToUpperInvariant();
        if (left.Schema.Count != right.Schema.Count)
        {
            throw new QueryBindException($"The sides of {name} return {left.Schema.Count} and {right.Schema.Count} columns; they must return the same number",
                _sql, set.Position.Line, set.Position.Column);
        }

        var fields = new Field[left.Schema.Count];
        for (var c = 0; c < fields.Length; c++)
        {
            var type = TypeCoercion.CommonType([left.Schema[c].Type, right.Schema[c].Type])
                ?? throw new QueryBindException(
                    $"Column {c + 1} of {name} is {left.Schema[c].Type.SqlName()} on the left and {right.Schema[c].Type.SqlName()} on the right",
                    _sql, set.Position.Line, set.Position.Column);
            fields[c] = new Field(left.Schema[c].Name, type);
        }

        var schema = new Schema(fields);
        var leftRows = Combine(schema, left);
        var rightRows = Combine(schema, right);
        var combined = SetOperations.Apply(set.Operator, set.All, leftRows, rightRows);
        var result = new QueryResult(schema, [combined], Statistics(combined.RowCount));
        if (set.OrderBy.Count == 0 && set.Limit is null)
        {
            return result;
        }

        var table = Register(result);
        var outer = new SelectStatement([new SelectItem(null, null, IsStar: true, set.Position)], new TableRef(table.Name, IsPath: false, set.Position), null, [], null,
            set.OrderBy, set.Limit, set.Position);
        return await RunSelectAsync(outer, Scope.Empty, role, cancellationToken, (table, null, true)).ConfigureAwait(false);
    }

    private static ColumnBatch Combine(Schema schema, QueryResult result)
    {
        var batches = result.Batches.Select(b => new ColumnBatch(schema, [.. b.Columns.Select((c, i) => CastKernel.Cast(c, schema[i].Type))], b.RowCount)).ToArray();
        return batches.Length == 1 ? batches[0] : ColumnConcat.Concat(schema, batches.Length == 0 ? [Empty(schema).Batches[0]] : batches);
    }

    private TableInfo Register(QueryResult result)
    {
        var name = $"__block{++_tables}";
        return _transient.Register(name, result.Schema, [(new Dictionary<string, ScalarValue>(), result.Batches)], timeColumn: null);
    }

    private static QueryResult Empty(Schema schema) =>
        new(schema, [new ColumnBatch(schema, [.. schema.Fields.Select(f => new ColumnBuilder(f.Type).Build())], 0)], Statistics(0));

    private static QueryStatistics Statistics(long rows) =>
        new() { SchedulerKind = CoordinatorScheduler.Instance.Kind, Mode = CoordinatorScheduler.Mode, ModeReason = "a set operation on the coordinator", RowsScanned = rows };

    // The expressions of one block (not of its FROM, whose subqueries are blocks of their own).
    private static IEnumerable<SqlExpression> BlockExpressions(SelectStatement select)
    {
        foreach (var item in select.Items)
        {
            if (item.Expression is not null)
            {
                yield return item.Expression;
            }
        }

        if (select.Where is not null)
        {
            yield return select.Where;
        }

        foreach (var key in select.GroupBy)
        {
            yield return key;
        }

        if (select.Having is not null)
        {
            yield return select.Having;
        }

        foreach (var item in select.OrderBy)
        {
            yield return item.Expression;
        }
    }

    private static IEnumerable<SqlExpression> FindSubqueries(SqlExpression expression) =>
        SqlExpressionWalker.FindAll(expression, e => e is SubqueryExpression or InSubqueryExpression or ExistsExpression);

    /// <summary>The common table expressions visible to a query: name → definition and the scope it was defined in.</summary>
    private sealed class Scope
    {
        private readonly ImmutableDictionary<string, (CommonTableExpression Cte, Scope DefinedIn)> _ctes;

        private Scope(ImmutableDictionary<string, (CommonTableExpression, Scope)> ctes) => _ctes = ctes;

        public static Scope Empty { get; } = new(ImmutableDictionary.Create<string, (CommonTableExpression, Scope)>(StringComparer.OrdinalIgnoreCase));

        public Scope With(CommonTableExpression cte, Scope definedIn) => new(_ctes.SetItem(cte.Name, (cte, definedIn)));

        public bool TryGet(string name, out CommonTableExpression cte, out Scope definedIn)
        {
            if (_ctes.TryGetValue(name, out var entry))
            {
                (cte, definedIn) = entry;
                return true;
            }

            cte = null!;
            definedIn = Empty;
            return false;
        }
    }
}
