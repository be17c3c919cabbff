using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;
using Engine.Core.Functions;
using Engine.Core.Pipelines;
using Engine.Core.Sql;
using Engine.Core.Sql.Ast;
using AstCase = Engine.Core.Sql.Ast.CaseExpression;
using AstCast = Engine.Core.Sql.Ast.CastExpression;
using AstIsNull = Engine.Core.Sql.Ast.IsNullExpression;
using BoundCase = Engine.Core.Expressions.CaseExpression;
using BoundCast = Engine.Core.Expressions.CastExpression;
using BoundIsNull = Engine.Core.Expressions.IsNullExpression;

namespace Engine.Core.Planning;

/// <summary>
/// Resolves one SELECT over one table against a function registry, and lays it out as two pipelines: the
/// one every fragment runs next to the data (scan → filter → aggregate, or scan → filter → projection →
/// collect / top-N) and the one the coordinator runs after gather (finalize → HAVING → SELECT list →
/// DISTINCT → sort → offset and limit). It resolves columns (qualified by the table's name or alias too),
/// types and implicit coercions (string literals compared with timestamps are parsed as timestamps), CASE,
/// CAST, LIKE, functions through the registry, aggregate rules (no aggregates in WHERE or GROUP BY, no
/// nesting, every selected column grouped or aggregated), FILTER, DISTINCT, GROUP BY ALL, and aliases and
/// positions in GROUP BY, HAVING and ORDER BY; constant subexpressions are folded, and subqueries, already
/// computed, come in as constants. Errors are <see cref="QueryBindException"/>s with a caret at the
/// offending text, and <see cref="UnsupportedFeatureException"/>s for what Engine does not do yet.
/// </summary>
public sealed class Binder
{
    private static readonly IReadOnlyDictionary<SqlExpression, SubqueryValue> s_noSubqueries =
        new Dictionary<SqlExpression, SubqueryValue>(ReferenceEqualityComparer.Instance);

    private readonly string _sql;
    private readonly TableInfo _table;
    private readonly string? _alias;
    private readonly FunctionRegistry _functions;
    private readonly IReadOnlyDictionary<SqlExpression, SubqueryValue> _subqueries;
    private readonly long _statementTimestamp;
    private readonly List<Field> _scanFields = [];
    private readonly Dictionary<int, int> _scanIndexBySchemaIndex = [];
    private readonly List<BoundExpression> _groupKeys = [];
    private readonly List<AggregateCall> _aggregateCalls = [];
    private readonly Dictionary<string, SqlExpression> _aliases = new(StringComparer.OrdinalIgnoreCase);

    private Binder(
        string sql, TableInfo table, string? alias, FunctionRegistry functions, IReadOnlyDictionary<SqlExpression, SubqueryValue> subqueries, long statementTimestamp)
    {
        _statementTimestamp = statementTimestamp;
        _sql = sql;
        _table = table;
        _alias = alias;
        _functions = functions;
        _subqueries = subqueries;
    }

    /// <summary>Binds <paramref name="statement"/> (parsed from <paramref name="sql"/>) against <paramref name="catalog"/> with the built-in functions.</summary>
    public static BoundQuery Bind(string sql, SqlStatement statement, ITableCatalog catalog) => Bind(sql, statement, catalog, FunctionRegistry.BuiltIn);

    /// <summary>
    /// Binds <paramref name="statement"/>, a single SELECT over one table of <paramref name="catalog"/>
    /// (no subqueries, WITH or set operations: <see cref="Execution.QueryExecutor"/> handles those), against
    /// <paramref name="functions"/>.
    /// </summary>
    /// <exception cref="QueryBindException">A name does not resolve or the query breaks a rule; the message shows where.</exception>
    /// <exception cref="UnsupportedFeatureException">The statement needs more than one query block.</exception>
    public static BoundQuery Bind(string sql, SqlStatement statement, ITableCatalog catalog, FunctionRegistry functions) =>
        Bind(sql, statement, catalog, functions, TimestampMicros.FromDateTime(DateTime.UtcNow));

    /// <summary>
    /// Binds like <see cref="Bind(string, SqlStatement, ITableCatalog, FunctionRegistry)"/>, with
    /// <paramref name="statementTimestamp"/> (microseconds since 1970 UTC) as the statement's clock reading:
    /// the value of now() and current_timestamp.
    /// </summary>
    /// <exception cref="QueryBindException">A name does not resolve or the query breaks a rule; the message shows where.</exception>
    /// <exception cref="UnsupportedFeatureException">The statement needs more than one query block.</exception>
    public static BoundQuery Bind(string sql, SqlStatement statement, ITableCatalog catalog, FunctionRegistry functions, long statementTimestamp)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(functions);
        if (statement.Query is not SelectStatement { From: TableRef from } select)
        {
            throw new UnsupportedFeatureException("binding a query of more than one block on its own", "run it through QueryExecutor");
        }

        var table = ResolveTable(sql, catalog, from);
        return Bind(sql, select, table, from.Alias, functions, s_noSubqueries, statement.Explain, statement.Analyze, statementTimestamp);
    }

    /// <summary>Binds <paramref name="select"/> over <paramref name="table"/>, with the values of its subqueries already computed.</summary>
    internal static BoundQuery Bind(
        string sql, SelectStatement select, TableInfo table, string? alias, FunctionRegistry functions,
        IReadOnlyDictionary<SqlExpression, SubqueryValue> subqueries, bool explain, bool analyze, long statementTimestamp) =>
        new Binder(sql, table, alias, functions, subqueries, statementTimestamp).BindSelect(select, explain, analyze);

    /// <summary>The table <paramref name="from"/> names in <paramref name="catalog"/>; a bind error listing the known tables when there is none.</summary>
    internal static TableInfo ResolveTable(string sql, ITableCatalog catalog, TableRef from)
    {
        if (catalog.TryGetTable(from.Name, out var table))
        {
            return table;
        }

        var known = catalog.TableNames.Count == 0 ? "the catalog has no tables" : $"known tables: {string.Join(", ", catalog.TableNames)}";
        throw Error(sql, from.Position, $"Table '{from.Name}' does not exist ({known})");
    }

    private BoundQuery BindSelect(SelectStatement select, bool explain, bool analyze)
    {
        var filter = select.Where is null ? null : ConstantFolder.Fold(BindPredicate(select.Where, "WHERE"));
        var hasAggregates = select.Items.Any(i => i.Expression is not null && ContainsAggregate(i.Expression)) ||
            select.OrderBy.Any(o => ContainsAggregate(o.Expression));
        var isAggregate = select.GroupBy.Count > 0 || select.GroupByAll || select.Having is not null || hasAggregates;
        var limit = select.Limit?.Count;
        var offset = select.Limit?.Offset ?? 0;
        foreach (var item in select.Items)
        {
            if (item.Alias is not null && item.Expression is not null)
            {
                _aliases.TryAdd(item.Alias, item.Expression);
            }
        }

        List<PipelineOperator> operators = filter is null ? [] : [new FilterOperator(filter)];
        var (sink, coordinator) = isAggregate || select.Distinct
            ? BindAggregateQuery(select, limit, offset, distinctRows: select.Distinct && !isAggregate)
            : BindRowQuery(select, limit, offset, operators);
        var plan = new FragmentPlan(_table.Name, [.. _scanFields], operators, sink);
        return new BoundQuery(_sql, _table, plan, coordinator, explain, analyze);
    }

    // Scan → [filter] → projection → collect (the first N, or the top N by the order) in fragments; at the
    // coordinator the gathered rows are sorted or cut and the hidden sort columns dropped.
    private (SinkPlan Sink, CoordinatorPlan Coordinator) BindRowQuery(SelectStatement select, long? limit, long offset, List<PipelineOperator> fragmentOperators)
    {
        var projections = new List<BoundExpression>();
        var names = new List<string>();
        foreach (var item in select.Items)
        {
            if (item.IsStar || item.Expression is null)
            {
                for (var c = 0; c < _table.Schema.Count; c++)
                {
                    projections.Add(ScanColumn(c));
                    names.Add(_table.Schema[c].Name);
                }

                continue;
            }

            projections.Add(ConstantFolder.Fold(BindScalar(item.Expression, "SELECT")));
            names.Add(OutputName(item));
        }

        var visible = projections.Count;
        var order = new List<SortKey>();
        foreach (var item in select.OrderBy)
        {
            var index = ResolveOutputReference(item.Expression, names, visible);
            if (index < 0)
            {
                var bound = ConstantFolder.Fold(BindScalar(item.Expression, "ORDER BY"));
                index = projections.IndexOf(bound);
                if (index < 0)
                {
                    index = projections.Count;
                    projections.Add(bound);
                }
            }

            order.Add(new SortKey(index, item.Descending, item.NullsFirst ?? false));
        }

        var rowNames = projections.Select((_, i) => $"c{i}").ToArray();
        fragmentOperators.Add(new ProjectOperator(projections, rowNames));
        var rowSchema = new Schema([.. projections.Select((p, i) => new Field(rowNames[i], p.Type))]);
        var sink = new CollectSink(rowSchema, order, limit is { } n ? checked(n + offset) : null);
        var operators = new List<PipelineOperator>();
        AddOrderAndLimit(operators, order, limit, offset);
        operators.Add(new ProjectOperator([.. projections.Take(visible).Select((p, i) => (BoundExpression)new ColumnReference(i, $"c{i}", p.Type))], UniqueNames(names)));
        return (sink, new CoordinatorPlan(operators));
    }

    // Scan → [filter] → aggregate in fragments; at the coordinator the merged groups are finalized into
    // [keys…, aggregates…], filtered by HAVING, projected to the SELECT list (plus hidden sort columns),
    // made distinct, sorted or cut, and the hidden columns dropped. SELECT DISTINCT without aggregates groups
    // by the select list (distinctRows), so the distinct rows are found next to the data.
    private (SinkPlan Sink, CoordinatorPlan Coordinator) BindAggregateQuery(SelectStatement select, long? limit, long offset, bool distinctRows)
    {
        foreach (var key in GroupingExpressions(select, distinctRows))
        {
            if (ContainsAggregate(key))
            {
                throw Error(key.Position, "Aggregate functions are not allowed in GROUP BY");
            }

            var bound = ConstantFolder.Fold(BindScalar(key, "GROUP BY"));
            if (!_groupKeys.Contains(bound))
            {
                _groupKeys.Add(bound);
            }
        }

        var outputs = new List<BoundExpression>();
        var names = new List<string>();
        foreach (var item in select.Items)
        {
            if (item.IsStar || item.Expression is null)
            {
                if (!distinctRows)
                {
                    throw Error(item.Position, "SELECT * cannot be used with GROUP BY or aggregates; name the grouped columns");
                }

                for (var c = 0; c < _table.Schema.Count; c++)
                {
                    outputs.Add(new ColumnReference(_groupKeys.IndexOf(ScanColumn(c)), _table.Schema[c].Name, _table.Schema[c].Type));
                    names.Add(_table.Schema[c].Name);
                }

                continue;
            }

            outputs.Add(BindPost(item.Expression, "SELECT"));
            names.Add(OutputName(item));
        }

        var having = select.Having is null ? null : RequireBool(BindPost(select.Having, "HAVING"), select.Having, "HAVING");
        var hidden = new List<BoundExpression>();
        var order = new List<SortKey>();
        foreach (var item in select.OrderBy)
        {
            var index = ResolveOutputReference(item.Expression, names, outputs.Count);
            if (index < 0)
            {
                var bound = BindPost(item.Expression, "ORDER BY");
                index = outputs.IndexOf(bound);
                if (index < 0)
                {
                    if (select.Distinct)
                    {
                        throw Error(item.Expression.Position, $"For SELECT DISTINCT, ORDER BY expressions must appear in the select list: {item.Expression.ToSql()}");
                    }

                    index = outputs.Count + hidden.Count;
                    hidden.Add(bound);
                }
            }

            order.Add(new SortKey(index, item.Descending, item.NullsFirst ?? false));
        }

        var sink = new AggregateSink([.. _groupKeys], [.. _aggregateCalls]);
        var operators = new List<PipelineOperator>();
        if (having is not null)
        {
            operators.Add(new FilterOperator(ConstantFolder.Fold(having)));
        }

        var uniqueNames = UniqueNames(names);
        var projected = outputs.Concat(hidden).Select(ConstantFolder.Fold).ToArray();
        operators.Add(new ProjectOperator(projected, [.. uniqueNames, .. hidden.Select((_, i) => $"__order{i}")]));
        if (select.Distinct && !distinctRows)
        {
            operators.Add(new DistinctOperator());
        }

        AddOrderAndLimit(operators, order, limit, offset);
        if (hidden.Count > 0)
        {
            operators.Add(new ProjectOperator([.. projected.Take(outputs.Count).Select((p, i) => (BoundExpression)new ColumnReference(i, uniqueNames[i], p.Type))], uniqueNames));
        }

        return (sink, new CoordinatorPlan(operators));
    }

    // GROUP BY keys (aliases and positions resolved), every non-aggregate item for GROUP BY ALL, every item
    // (columns of *) for SELECT DISTINCT without aggregates.
    private List<SqlExpression> GroupingExpressions(SelectStatement select, bool distinctRows)
    {
        var keys = new List<SqlExpression>();
        if (distinctRows || select.GroupByAll)
        {
            foreach (var item in select.Items)
            {
                if (item.IsStar || item.Expression is null)
                {
                    keys.AddRange(_table.Schema.Fields.Select(f => (SqlExpression)new ColumnRef(f.Name, Quoted: true, item.Position)));
                }
                else if (!ContainsAggregate(item.Expression))
                {
                    keys.Add(item.Expression);
                }
            }

            return keys;
        }

        foreach (var key in select.GroupBy)
        {
            keys.Add(ResolveGroupByItem(key, select.Items));
        }

        return keys;
    }

    private static void AddOrderAndLimit(List<PipelineOperator> operators, List<SortKey> order, long? limit, long offset)
    {
        if (order.Count > 0)
        {
            operators.Add(new SortOperator(order, limit is { } n ? checked(n + offset) : null));
            if (offset > 0)
            {
                operators.Add(new LimitOperator(offset, limit));
            }
        }
        else if (limit is not null || offset > 0)
        {
            operators.Add(new LimitOperator(offset, limit));
        }
    }

    private SqlExpression ResolveGroupByItem(SqlExpression key, IReadOnlyList<SelectItem> items)
    {
        if (key is IntegerLiteral ordinal)
        {
            if (ordinal.Value < 1 || ordinal.Value > items.Count || items[(int)ordinal.Value - 1].Expression is null)
            {
                throw Error(key.Position, $"GROUP BY position {ordinal.Value} is not in the select list (1 to {items.Count})");
            }

            return items[(int)ordinal.Value - 1].Expression!;
        }

        return key is ColumnRef { Table: null } column && FindColumn(column) < 0 && _aliases.TryGetValue(column.Name, out var aliased) ? aliased : key;
    }

    private int ResolveOutputReference(SqlExpression expression, List<string> names, int visible)
    {
        if (expression is IntegerLiteral ordinal)
        {
            return ordinal.Value >= 1 && ordinal.Value <= visible
                ? (int)ordinal.Value - 1
                : throw Error(expression.Position, $"ORDER BY position {ordinal.Value} is not in the select list (1 to {visible})");
        }

        if (expression is ColumnRef { Table: null } column)
        {
            for (var i = 0; i < visible; i++)
            {
                if (string.Equals(names[i], column.Name, column.Quoted ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    // Binds an expression over the finalized groups [keys…, aggregates…]: group keys and aggregates become
    // references to their columns (every key is bound before the first aggregate, so positions are final);
    // a name that is no column but a select alias stands for the aliased expression (HAVING n > 10).
    private BoundExpression BindPost(SqlExpression expression, string clause) => Bind(expression, clause, post: true);

    private BoundExpression BindScalar(SqlExpression expression, string clause) => Bind(expression, clause, post: false);

    private BoundExpression Bind(SqlExpression expression, string clause, bool post)
    {
        if (post && ResolveAlias(expression) is { } aliased)
        {
            return Bind(aliased, clause, post);
        }

        if (post && !ContainsAggregate(expression) && !ContainsAlias(expression))
        {
            var bound = ConstantFolder.Fold(BindScalar(expression, clause));
            var keyIndex = _groupKeys.IndexOf(bound);
            if (keyIndex >= 0)
            {
                return new ColumnReference(keyIndex, bound.ToString(), bound.Type);
            }

            if (bound is Literal)
            {
                return bound;
            }

            if (expression is ColumnRef column)
            {
                throw Error(column.Position, $"Column '{column.Name}' must appear in the GROUP BY clause or be used in an aggregate function");
            }
        }

        switch (expression)
        {
            case ColumnRef column when post:
                throw Error(column.Position, $"Column '{column.Name}' must appear in the GROUP BY clause or be used in an aggregate function");
            case ColumnRef column:
            {
                var index = FindColumn(column);
                if (index < 0)
                {
                    throw Error(column.Position, $"Column '{column.Name}' does not exist in table '{TableName}'{Suggestion(column.Name)} (columns: {string.Join(", ", _table.Schema.Fields.Select(f => f.Name))})");
                }

                return ScanColumn(index);
            }

            case IntegerLiteral integer:
                return new Literal(ScalarValue.FromInt64(integer.Value));
            case FloatLiteral number:
                return new Literal(ScalarValue.FromDouble(number.Value));
            case StringLiteral text:
                return new Literal(ScalarValue.FromString(text.Value));
            case BooleanLiteral boolean:
                return new Literal(ScalarValue.FromBool(boolean.Value));
            case NullLiteral:
                return new Literal(ScalarValue.Null(DataType.Int64));
            case TimestampLiteral timestamp:
                return new Literal(ScalarValue.FromTimestamp(ParseTimestamp(timestamp.Text, timestamp.Position)));
            case IntervalLiteral interval:
                return new Literal(ScalarValue.FromInterval(ParseInterval(interval.Text, interval.Position)));
            case UnaryExpression { Operator: UnaryOperator.Negate } negate:
                return Negate(Bind(negate.Operand, clause, post), negate.Operand);
            case UnaryExpression not:
                return new NotExpression(RequireBool(Bind(not.Operand, clause, post), not.Operand, "NOT"));
            case BinaryExpression binary:
                return BindBinary(binary, Bind(binary.Left, clause, post), Bind(binary.Right, clause, post));
            case AstIsNull isNull:
                return new BoundIsNull(Bind(isNull.Value, clause, post), isNull.Negated);
            case BetweenExpression between:
                return BindBetween(between, Bind(between.Value, clause, post), Bind(between.Low, clause, post), Bind(between.High, clause, post));
            case InExpression inList:
                return BindIn(inList, Bind(inList.Value, clause, post));
            case AstCase choice:
                return BindCase(choice, clause, post);
            case AstCast cast:
                return BindCast(cast, Bind(cast.Operand, clause, post));
            case LikeExpression like:
                return BindLike(like, clause, post);
            case IsDistinctFromExpression distinct:
            {
                var (left, right) = Coerce(Bind(distinct.Left, clause, post), distinct.Left, Bind(distinct.Right, clause, post), distinct.Right);
                return new DistinctFromExpression(left, right, distinct.Negated);
            }

            case SubqueryExpression or InSubqueryExpression or ExistsExpression:
                return BindSubquery(expression, clause, post);
            case FunctionCall call when _functions.IsAggregate(call.Name) && post:
                return BindAggregate(call);
            case FunctionCall call when _functions.IsAggregate(call.Name):
                throw Error(call.Position, $"Aggregate functions are not allowed in {clause}: {call.ToSql()}");
            case FunctionCall call when _functions.TryGetScalar(call.Name, out var function):
                return BindFunction(function, call, [.. call.Arguments.Select(a => Bind(a, clause, post))]);
            case FunctionCall call:
                throw Error(call.Position, $"Unknown function '{call.Name}'; scalar functions: {string.Join(", ", _functions.ScalarNames)}; aggregates: {string.Join(", ", _functions.AggregateNames)}");
            default:
                throw Error(expression.Position, $"'{expression.ToSql()}' must appear in the GROUP BY clause or be used in an aggregate function");
        }
    }

    private string TableName => _alias ?? _table.Name;

    // A name that is no column of the table but a select alias, in HAVING or ORDER BY: the aliased expression.
    private SqlExpression? ResolveAlias(SqlExpression expression) =>
        expression is ColumnRef { Table: null } alias && FindColumn(alias) < 0 && _aliases.TryGetValue(alias.Name, out var aliased) && aliased != alias
            ? aliased
            : null;

    private bool ContainsAlias(SqlExpression expression) => SqlExpressionWalker.Find(expression, e => ResolveAlias(e) is not null) is not null;

    private ColumnReference BindAggregate(FunctionCall call)
    {
        foreach (var argument in call.Arguments.Append(call.Filter).OfType<SqlExpression>())
        {
            if (ContainsAggregate(argument))
            {
                throw Error(argument.Position, $"Aggregate calls cannot be nested: {call.ToSql()}");
            }
        }

        AggregateFunction function;
        IReadOnlyList<BoundExpression> arguments;
        if (call.Star)
        {
            if (!string.Equals(call.Name, "count", StringComparison.OrdinalIgnoreCase) || call.Distinct)
            {
                throw Error(call.Position, $"{call.Name}(*) is not an aggregate; only count(*) takes *");
            }

            _functions.TryGetAggregate("count_star", out var countStar);
            function = countStar!;
            arguments = [];
        }
        else
        {
            _functions.TryGetAggregate(call.Name, out var named);
            function = named!;
            arguments = [.. call.Arguments.Select(a => ConstantFolder.Fold(BindScalar(a, call.Name.ToLowerInvariant())))];
        }

        var filter = call.Filter is null ? null : ConstantFolder.Fold(BindPredicate(call.Filter, "FILTER"));
        BoundExpression? TimeColumn() => _table.TimeColumn is { } time ? ScanColumn(_table.Schema.IndexOf(time)) : null;
        var context = new AggregateBindContext(call.Name.ToLowerInvariant(), arguments, TimeColumn, ArgumentError(call), TableName);
        var bound = AggregateCall.Bind(function, context, call.Distinct, filter);
        var index = _aggregateCalls.IndexOf(bound);
        if (index < 0)
        {
            index = _aggregateCalls.Count;
            _aggregateCalls.Add(bound);
        }

        return new ColumnReference(_groupKeys.Count + index, call.ToSql(), bound.ResultType);
    }

    private BoundExpression BindPredicate(SqlExpression expression, string clause)
    {
        if (ContainsAggregate(expression))
        {
            var call = FindAggregate(expression)!;
            throw Error(call.Position, $"Aggregate functions are not allowed in {clause}: {call.ToSql()}");
        }

        return RequireBool(BindScalar(expression, clause), expression, clause);
    }

    // CASE: a simple CASE compares its operand with each WHEN value; the results unify to one type.
    private BoundCase BindCase(AstCase choice, string clause, bool post)
    {
        var operand = choice.Operand is null ? null : Bind(choice.Operand, clause, post);
        var conditions = new List<BoundExpression>();
        var results = new List<BoundExpression>();
        foreach (var branch in choice.Branches)
        {
            var when = Bind(branch.When, clause, post);
            if (operand is not null)
            {
                var (left, right) = Coerce(operand, choice.Operand!, when, branch.When);
                conditions.Add(new ComparisonExpression(ComparisonOperator.Equal, left, right));
            }
            else
            {
                conditions.Add(RequireBool(when, branch.When, "WHEN"));
            }

            results.Add(Bind(branch.Then, clause, post));
        }

        var otherwise = choice.Else is null ? new Literal(ScalarValue.Null(DataType.Int64)) : Bind(choice.Else, clause, post);
        var all = results.Append(otherwise).ToList();
        var types = all.Select(TypeCoercion.TypeForUnification).ToArray();
        var type = types.All(t => t is null) ? DataType.Int64
            : TypeCoercion.CommonType(types)
            ?? throw Error(choice.Position, $"CASE results have incompatible types: {string.Join(", ", all.Select(r => r.Type.SqlName()).Distinct())}");
        var branches = conditions.Select((c, i) => new CaseWhen(c, TypeCoercion.CastTo(results[i], type))).ToArray();
        return new BoundCase(branches, TypeCoercion.CastTo(otherwise, type), type);
    }

    private BoundExpression BindCast(AstCast cast, BoundExpression operand)
    {
        var type = ResolveType(cast.Type);
        if (operand is Literal { Value.IsNull: true })
        {
            return new Literal(ScalarValue.Null(type));
        }

        if (!TypeCoercion.CanCast(operand.Type, type))
        {
            throw Error(cast.Position, $"Cannot cast {operand.Type.SqlName()} to {type.SqlName()}");
        }

        // A cast of text to a timestamp or interval is parsed now, so the constant prunes.
        return new BoundCast(operand, type, cast.Try);
    }

    private DataType ResolveType(SqlTypeName name)
    {
        DataType? type = name.Name switch
        {
            "BIGINT" or "INT8" or "LONG" => DataType.Int64,
            "DOUBLE" or "DOUBLE PRECISION" or "FLOAT8" => DataType.Double,
            "VARCHAR" or "TEXT" or "STRING" or "CHAR" or "BPCHAR" or "CHARACTER" => DataType.String,
            "BOOLEAN" or "BOOL" or "LOGICAL" => DataType.Bool,
            "TIMESTAMP" or "DATETIME" or "TIMESTAMP_US" => DataType.Timestamp,
            "INTERVAL" => DataType.Interval,
            _ => null,
        };
        if (type is { } known)
        {
            if (name.Parameters.Count > 0 && known != DataType.String)
            {
                throw Error(name.Position, $"Type {name.Name} takes no parameters, got {name}");
            }

            return known;
        }

        string[] later =
        [
            "INTEGER", "INT", "INT4", "SIGNED", "SMALLINT", "INT2", "SHORT", "TINYINT", "INT1", "HUGEINT", "INT128", "UBIGINT", "UINTEGER",
            "USMALLINT", "UTINYINT", "UHUGEINT", "DECIMAL", "NUMERIC", "REAL", "FLOAT", "FLOAT4", "DATE", "TIME", "TIMESTAMPTZ",
            "TIMESTAMP WITH TIME ZONE", "TIME WITH TIME ZONE", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "BLOB", "BYTEA", "UUID", "JSON",
        ];
        if (later.Contains(name.Name))
        {
            throw new UnsupportedFeatureException($"type {name.Name} is not supported yet (Engine has BIGINT, DOUBLE, VARCHAR, BOOLEAN, TIMESTAMP and INTERVAL)",
                _sql, name.Position.Line, name.Position.Column);
        }

        throw Error(name.Position, $"Unknown type '{name}'");
    }

    // LIKE and ILIKE are the registry's ~~ and ~~* (like_escape / ilike_escape with ESCAPE); NOT wraps them.
    private BoundExpression BindLike(LikeExpression like, string clause, bool post)
    {
        var value = Bind(like.Value, clause, post);
        var pattern = Bind(like.Pattern, clause, post);
        List<BoundExpression> arguments = [value, pattern];
        string name;
        if (like.Escape is not null)
        {
            arguments.Add(Bind(like.Escape, clause, post));
            name = like.CaseInsensitive ? "ilike_escape" : "like_escape";
        }
        else
        {
            name = like.CaseInsensitive ? "~~*" : "~~";
        }

        if (!_functions.TryGetScalar(name, out var function))
        {
            throw new UnsupportedFeatureException($"{(like.CaseInsensitive ? "ILIKE" : "LIKE")} is not supported by the functions registered here (no '{name}')",
                _sql, like.Position.Line, like.Position.Column);
        }

        Func<int, string, QueryBindException> error = (index, message) =>
            Error(index == 0 ? like.Value.Position : index == 1 ? like.Pattern.Position : like.Escape?.Position ?? like.Position, message);
        var call = FunctionExpression.Bind(function, new ScalarBindContext(name, arguments, error));
        return like.Negated ? new NotExpression(call) : call;
    }

    private BoundExpression BindSubquery(SqlExpression expression, string clause, bool post)
    {
        if (!_subqueries.TryGetValue(expression, out var value))
        {
            throw new UnsupportedFeatureException($"a subquery in {clause} here", _sql, expression.Position.Line, expression.Position.Column);
        }

        switch (expression, value)
        {
            case (SubqueryExpression, ScalarSubqueryValue scalar):
                return new Literal(scalar.Value);
            case (ExistsExpression exists, ExistsSubqueryValue result):
                return new Literal(ScalarValue.FromBool(result.Exists != exists.Negated));
            case (InSubqueryExpression inSubquery, ListSubqueryValue list):
            {
                var operand = Bind(inSubquery.Value, clause, post);
                var values = new List<ScalarValue>(list.Values.Count);
                foreach (var item in list.Values)
                {
                    var (_, coerced) = Coerce(operand, inSubquery.Value, new Literal(item), inSubquery);
                    values.Add(((Literal)coerced).Value is { IsNull: true } ? ScalarValue.Null(operand.Type) : ((Literal)coerced).Value);
                }

                if (values.Count == 0)
                {
                    // IN over no rows is false even for a NULL operand; NOT IN true.
                    return new Literal(ScalarValue.FromBool(inSubquery.Negated));
                }

                return new InListExpression(operand, values, inSubquery.Negated);
            }

            default:
                throw new InvalidOperationException($"A {value.GetType().Name} does not answer a {expression.GetType().Name}.");
        }
    }

    private BoundExpression BindFunction(ScalarFunction function, FunctionCall call, IReadOnlyList<BoundExpression> arguments)
    {
        if (call.Distinct || call.Star || call.Filter is not null)
        {
            var what = call.Star ? "*" : call.Distinct ? "DISTINCT" : "FILTER";
            throw Error(call.Position, $"{call.Name}() is not an aggregate and takes no {what}");
        }

        var context = new ScalarBindContext(call.Name.ToLowerInvariant(), arguments, ArgumentError(call)) { StatementTimestamp = _statementTimestamp };
        return function.Expand(context) ?? FunctionExpression.Bind(function, context);
    }

    private Func<int, string, QueryBindException> ArgumentError(FunctionCall call) =>
        (index, message) => Error(index >= 0 && index < call.Arguments.Count ? call.Arguments[index].Position : call.Position, message);

    private BoundExpression BindBinary(BinaryExpression binary, BoundExpression left, BoundExpression right)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.And:
            case BinaryOperator.Or:
                return new LogicalExpression(binary.Operator == BinaryOperator.And ? LogicalOperator.And : LogicalOperator.Or,
                    RequireBool(left, binary.Left, binary.Operator.ToString().ToUpperInvariant()),
                    RequireBool(right, binary.Right, binary.Operator.ToString().ToUpperInvariant()));
            case BinaryOperator.Add:
            case BinaryOperator.Subtract:
            case BinaryOperator.Multiply:
            case BinaryOperator.Divide:
            case BinaryOperator.Modulo:
            case BinaryOperator.Concat:
                return BindOperatorCall(binary, left, right);
            default:
                return BindComparison(binary, ToComparison(binary.Operator), left, right);
        }
    }

    private FunctionExpression BindOperatorCall(BinaryExpression binary, BoundExpression left, BoundExpression right)
    {
        var symbol = SqlFormatter.OperatorText(binary.Operator);

        // Text shifting a timestamp is an interval ('5m', '1 hour'), as INTERVAL literals are.
        if (left.Type == DataType.Timestamp && symbol is "+" or "-" && binary.Right is StringLiteral text)
        {
            right = new Literal(ScalarValue.FromInterval(ParseInterval(text.Value, text.Position)));
        }

        left = CoerceNull(left, right.Type);
        right = CoerceNull(right, left.Type);
        if (!_functions.TryGetScalar(symbol, out var function))
        {
            throw new UnsupportedFeatureException($"the operator '{symbol}' is not supported by the functions registered here", _sql, binary.Position.Line, binary.Position.Column);
        }

        Func<int, string, QueryBindException> error = (index, message) => Error(index == 0 ? binary.Left.Position : index == 1 ? binary.Right.Position : binary.Position, message);
        return FunctionExpression.Bind(function, new ScalarBindContext(symbol, [left, right], error));
    }

    private ComparisonExpression BindComparison(BinaryExpression binary, ComparisonOperator op, BoundExpression left, BoundExpression right)
    {
        (left, right) = Coerce(left, binary.Left, right, binary.Right);
        return new ComparisonExpression(op, left, right);
    }

    private (BoundExpression Left, BoundExpression Right) Coerce(BoundExpression left, SqlExpression leftSource, BoundExpression right, SqlExpression rightSource)
    {
        left = CoerceNull(left, right.Type);
        right = CoerceNull(right, left.Type);
        right = CoerceText(right, left.Type, rightSource);
        left = CoerceText(left, right.Type, leftSource);
        var comparable = left.Type == right.Type || (left.Type.IsNumeric() && right.Type.IsNumeric());
        if (!comparable)
        {
            throw Error(rightSource.Position, $"Cannot compare {left.Type.SqlName()} with {right.Type.SqlName()}");
        }

        return (left, right);
    }

    // A string literal compared with a timestamp or an interval is read as one.
    private BoundExpression CoerceText(BoundExpression expression, DataType other, SqlExpression source)
    {
        if (expression is not Literal { Value: { IsNull: false, Type.Id: TypeId.String } text })
        {
            return expression;
        }

        return other.Id switch
        {
            TypeId.Timestamp => new Literal(ScalarValue.FromTimestamp(ParseTimestamp(text.StringValue, source.Position))),
            TypeId.Interval => new Literal(ScalarValue.FromInterval(ParseInterval(text.StringValue, source.Position))),
            _ => expression,
        };
    }

    private BoundExpression BindBetween(BetweenExpression between, BoundExpression value, BoundExpression low, BoundExpression high)
    {
        var (v1, l) = Coerce(value, between.Value, low, between.Low);
        var (v2, h) = Coerce(value, between.Value, high, between.High);
        BoundExpression range = new LogicalExpression(LogicalOperator.And,
            new ComparisonExpression(ComparisonOperator.GreaterOrEqual, v1, l),
            new ComparisonExpression(ComparisonOperator.LessOrEqual, v2, h));
        return between.Negated ? new NotExpression(range) : range;
    }

    private InListExpression BindIn(InExpression inList, BoundExpression value)
    {
        var values = new List<ScalarValue>();
        foreach (var item in inList.List)
        {
            var bound = ConstantFolder.Fold(BindScalar(item, "IN"));
            if (bound is not Literal literal)
            {
                throw Error(item.Position, "IN lists must hold constants");
            }

            var (_, coerced) = Coerce(value, inList.Value, literal, item);
            var constant = ((Literal)coerced).Value;
            values.Add(constant.IsNull ? ScalarValue.Null(value.Type) : constant);
        }

        return new InListExpression(value, values, inList.Negated);
    }

    private BoundExpression Negate(BoundExpression operand, SqlExpression source)
    {
        if (operand is Literal { Value.IsNull: false } literal && literal.Type == DataType.Int64 && literal.Value.Int64Value == long.MinValue)
        {
            throw Error(source.Position, $"Overflow negating BIGINT {long.MinValue}");
        }

        _functions.TryGetScalar("-", out var minus);
        Func<int, string, QueryBindException> error = (_, message) => Error(source.Position, message);
        return ConstantFolder.Fold(FunctionExpression.Bind(minus!, new ScalarBindContext("-", [operand], error)));
    }

    private BoundExpression RequireBool(BoundExpression expression, SqlExpression source, string clause)
    {
        expression = CoerceNull(expression, DataType.Bool);
        if (expression.Type != DataType.Bool)
        {
            throw Error(source.Position, $"{clause} needs a BOOLEAN condition, got {expression.Type.SqlName()}");
        }

        return expression;
    }

    private static BoundExpression CoerceNull(BoundExpression expression, DataType type) =>
        expression is Literal { Value.IsNull: true } && expression.Type != type ? new Literal(ScalarValue.Null(type)) : expression;

    private ColumnReference ScanColumn(int schemaIndex)
    {
        if (!_scanIndexBySchemaIndex.TryGetValue(schemaIndex, out var scanIndex))
        {
            scanIndex = _scanFields.Count;
            _scanFields.Add(_table.Schema[schemaIndex]);
            _scanIndexBySchemaIndex[schemaIndex] = scanIndex;
        }

        var field = _table.Schema[schemaIndex];
        return new ColumnReference(scanIndex, field.Name, field.Type);
    }

    private int FindColumn(ColumnRef column)
    {
        if (column.Table is { } qualifier && !string.Equals(qualifier, _alias ?? _table.Name, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(qualifier, _table.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw Error(column.Position, $"'{qualifier}' names no table in FROM (it reads {TableName})");
        }

        if (column.Quoted)
        {
            for (var i = 0; i < _table.Schema.Count; i++)
            {
                if (string.Equals(_table.Schema[i].Name, column.Name, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        return _table.Schema.IndexOf(column.Name);
    }

    private string Suggestion(string name)
    {
        var best = _table.Schema.Fields
            .Select(f => (f.Name, Distance: EditDistance(name.ToLowerInvariant(), f.Name.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= 2 ? $"; did you mean '{best.Name}'?" : string.Empty;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private long ParseTimestamp(string text, SourcePosition position) =>
        TimestampMicros.TryParse(text, out var micros)
            ? micros
            : throw Error(position, $"'{text}' is not a valid timestamp; use ISO-8601 such as '2024-01-01 09:30:00' or '2024-01-01T09:30:00Z'");

    private long ParseInterval(string text, SourcePosition position) =>
        IntervalParser.TryParse(text, out var micros, out var error) ? micros : throw Error(position, error);

    private static ComparisonOperator ToComparison(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => ComparisonOperator.Equal,
        BinaryOperator.NotEqual => ComparisonOperator.NotEqual,
        BinaryOperator.Less => ComparisonOperator.Less,
        BinaryOperator.LessOrEqual => ComparisonOperator.LessOrEqual,
        BinaryOperator.Greater => ComparisonOperator.Greater,
        _ => ComparisonOperator.GreaterOrEqual,
    };

    private static string OutputName(SelectItem item) => item.Alias ?? (item.Expression is ColumnRef column ? column.Name : item.Expression!.ToSql());

    private static List<string> UniqueNames(List<string> names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unique = new List<string>(names.Count);
        foreach (var name in names)
        {
            var candidate = name;
            for (var suffix = 2; !seen.Add(candidate); suffix++)
            {
                candidate = $"{name}_{suffix}";
            }

            unique.Add(candidate);
        }

        return unique;
    }

    private bool ContainsAggregate(SqlExpression expression) => FindAggregate(expression) is not null;

    private FunctionCall? FindAggregate(SqlExpression expression) =>
        SqlExpressionWalker.Find(expression, e => e is FunctionCall call && _functions.IsAggregate(call.Name)) as FunctionCall;

    private QueryBindException Error(SourcePosition position, string problem) => Error(_sql, position, problem);

    private static QueryBindException Error(string sql, SourcePosition position, string problem) =>
        position.Line > 0 ? new QueryBindException(problem, sql, position.Line, position.Column) : new QueryBindException(problem);
}
