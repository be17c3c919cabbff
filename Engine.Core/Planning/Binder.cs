using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;
using Engine.Core.Functions;
using Engine.Core.Pipelines;
using Engine.Core.Sql;
using Engine.Core.Sql.Ast;
using AstIsNull = Engine.Core.Sql.Ast.IsNullExpression;
using BoundIsNull = Engine.Core.Expressions.IsNullExpression;

namespace Engine.Core.Planning;

/// <summary>
/// Resolves a parsed statement against a catalog and a function registry, and lays it out as two
/// pipelines: the one every fragment runs next to the data (scan → filter → aggregate, or scan → filter →
/// projection → collect / top-N) and the one the coordinator runs after gather (finalize → HAVING →
/// SELECT list → sort → limit). It resolves tables and columns, types and implicit coercions (string
/// literals compared with timestamps are parsed as timestamps), functions through the registry, aggregate
/// rules (no aggregates in WHERE or GROUP BY, no nesting, every selected column grouped or aggregated), and
/// ORDER BY by alias, ordinal or expression; constant subexpressions are folded. Errors are
/// <see cref="QueryBindException"/>s with a caret at the offending text.
/// </summary>
public sealed class Binder
{
    private readonly string _sql;
    private readonly TableInfo _table;
    private readonly FunctionRegistry _functions;
    private readonly List<Field> _scanFields = [];
    private readonly Dictionary<int, int> _scanIndexBySchemaIndex = [];
    private readonly List<BoundExpression> _groupKeys = [];
    private readonly List<AggregateCall> _aggregateCalls = [];

    private Binder(string sql, TableInfo table, FunctionRegistry functions)
    {
        _sql = sql;
        _table = table;
        _functions = functions;
    }

    /// <summary>Binds <paramref name="statement"/> (parsed from <paramref name="sql"/>) against <paramref name="catalog"/> with the built-in functions.</summary>
    public static BoundQuery Bind(string sql, SqlStatement statement, ITableCatalog catalog) => Bind(sql, statement, catalog, FunctionRegistry.BuiltIn);

    /// <summary>Binds <paramref name="statement"/> (parsed from <paramref name="sql"/>) against <paramref name="catalog"/> and <paramref name="functions"/>.</summary>
    /// <exception cref="QueryBindException">A name does not resolve or the query breaks a rule; the message shows where.</exception>
    public static BoundQuery Bind(string sql, SqlStatement statement, ITableCatalog catalog, FunctionRegistry functions)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(functions);
        var select = statement.Select;
        if (!catalog.TryGetTable(select.From.Name, out var table))
        {
            var known = catalog.TableNames.Count == 0 ? "the catalog has no tables" : $"known tables: {string.Join(", ", catalog.TableNames)}";
            throw Error(sql, select.From.Position, $"Table '{select.From.Name}' does not exist ({known})");
        }

        return new Binder(sql, table, functions).BindSelect(statement);
    }

    private BoundQuery BindSelect(SqlStatement statement)
    {
        var select = statement.Select;
        var filter = select.Where is null ? null : ConstantFolder.Fold(BindPredicate(select.Where, "WHERE"));
        var isAggregate = select.GroupBy.Count > 0 || select.Having is not null ||
            select.Items.Any(i => i.Expression is not null && ContainsAggregate(i.Expression)) ||
            select.OrderBy.Any(o => ContainsAggregate(o.Expression));
        var limit = select.Limit?.Count;
        List<PipelineOperator> operators = filter is null ? [] : [new FilterOperator(filter)];
        var (sink, coordinator) = isAggregate ? BindAggregateQuery(select, limit) : BindRowQuery(select, limit, operators);
        var plan = new FragmentPlan(_table.Name, [.. _scanFields], operators, sink);
        return new BoundQuery(_sql, _table, plan, coordinator, statement.Explain, statement.Analyze);
    }

    // Scan → [filter] → projection → collect (the first N, or the top N by the order) in fragments; at the
    // coordinator the gathered rows are sorted or cut and the hidden sort columns dropped.
    private (SinkPlan Sink, CoordinatorPlan Coordinator) BindRowQuery(SelectStatement select, long? limit, List<PipelineOperator> fragmentOperators)
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
        var sink = new CollectSink(rowSchema, order, limit);
        var operators = new List<PipelineOperator>();
        AddOrderAndLimit(operators, order, limit);
        operators.Add(new ProjectOperator([.. projections.Take(visible).Select((p, i) => (BoundExpression)new ColumnReference(i, $"c{i}", p.Type))], UniqueNames(names)));
        return (sink, new CoordinatorPlan(operators));
    }

    // Scan → [filter] → aggregate in fragments; at the coordinator the merged groups are finalized into
    // [keys…, aggregates…], filtered by HAVING, projected to the SELECT list (plus hidden sort columns),
    // sorted or cut, and the hidden columns dropped.
    private (SinkPlan Sink, CoordinatorPlan Coordinator) BindAggregateQuery(SelectStatement select, long? limit)
    {
        foreach (var key in select.GroupBy)
        {
            var expression = ResolveGroupByItem(key, select.Items);
            if (ContainsAggregate(expression))
            {
                throw Error(key.Position, "Aggregate functions are not allowed in GROUP BY");
            }

            var bound = ConstantFolder.Fold(BindScalar(expression, "GROUP BY"));
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
                throw Error(item.Position, "SELECT * cannot be used with GROUP BY or aggregates; name the grouped columns");
            }

            outputs.Add(BindPost(item.Expression));
            names.Add(OutputName(item));
        }

        var having = select.Having is null ? null : RequireBool(BindPost(select.Having), select.Having, "HAVING");
        var hidden = new List<BoundExpression>();
        var order = new List<SortKey>();
        foreach (var item in select.OrderBy)
        {
            var index = ResolveOutputReference(item.Expression, names, outputs.Count);
            if (index < 0)
            {
                var bound = BindPost(item.Expression);
                index = outputs.IndexOf(bound);
                if (index < 0)
                {
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
        AddOrderAndLimit(operators, order, limit);
        if (hidden.Count > 0)
        {
            operators.Add(new ProjectOperator([.. projected.Take(outputs.Count).Select((p, i) => (BoundExpression)new ColumnReference(i, uniqueNames[i], p.Type))], uniqueNames));
        }

        return (sink, new CoordinatorPlan(operators));
    }

    private static void AddOrderAndLimit(List<PipelineOperator> operators, List<SortKey> order, long? limit)
    {
        if (order.Count > 0)
        {
            operators.Add(new SortOperator(order, limit));
        }
        else if (limit is not null)
        {
            operators.Add(new LimitOperator(0, limit));
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

        if (key is ColumnRef column && FindColumn(column) < 0)
        {
            foreach (var item in items)
            {
                if (item.Alias is not null && string.Equals(item.Alias, column.Name, StringComparison.OrdinalIgnoreCase) && item.Expression is not null)
                {
                    return item.Expression;
                }
            }
        }

        return key;
    }

    private int ResolveOutputReference(SqlExpression expression, List<string> names, int visible)
    {
        if (expression is IntegerLiteral ordinal)
        {
            return ordinal.Value >= 1 && ordinal.Value <= visible
                ? (int)ordinal.Value - 1
                : throw Error(expression.Position, $"ORDER BY position {ordinal.Value} is not in the select list (1 to {visible})");
        }

        if (expression is ColumnRef column)
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
    // references to their columns (every key is bound before the first aggregate, so positions are final).
    private BoundExpression BindPost(SqlExpression expression)
    {
        if (!ContainsAggregate(expression))
        {
            var bound = ConstantFolder.Fold(BindScalar(expression, "SELECT"));
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
            case FunctionCall call when _functions.IsAggregate(call.Name):
                return BindAggregate(call);
            case UnaryExpression { Operator: UnaryOperator.Negate } negate:
                return Negate(BindPost(negate.Operand), negate.Operand);
            case UnaryExpression not:
                return new NotExpression(RequireBool(BindPost(not.Operand), not.Operand, "NOT"));
            case BinaryExpression binary:
                return BindBinary(binary, BindPost(binary.Left), BindPost(binary.Right));
            case AstIsNull isNull:
                return new BoundIsNull(BindPost(isNull.Value), isNull.Negated);
            case BetweenExpression between:
                return BindBetween(between, BindPost(between.Value), BindPost(between.Low), BindPost(between.High));
            case InExpression inList:
                return BindIn(inList, BindPost(inList.Value));
            case FunctionCall call when _functions.TryGetScalar(call.Name, out var function):
                return BindFunction(function, call, [.. call.Arguments.Select(BindPost)]);
            case ColumnRef column:
                throw Error(column.Position, $"Column '{column.Name}' must appear in the GROUP BY clause or be used in an aggregate function");
            default:
                throw Error(expression.Position, $"'{expression.ToSql()}' must appear in the GROUP BY clause or be used in an aggregate function");
        }
    }

    private ColumnReference BindAggregate(FunctionCall call)
    {
        foreach (var argument in call.Arguments)
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

        BoundExpression? TimeColumn() => _table.TimeColumn is { } time ? ScanColumn(_table.Schema.IndexOf(time)) : null;
        var context = new AggregateBindContext(call.Name.ToLowerInvariant(), arguments, TimeColumn, ArgumentError(call), _table.Name);
        var bound = AggregateCall.Bind(function, context, call.Distinct);
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

    private BoundExpression BindScalar(SqlExpression expression, string clause)
    {
        switch (expression)
        {
            case ColumnRef column:
            {
                var index = FindColumn(column);
                if (index < 0)
                {
                    throw Error(column.Position, $"Column '{column.Name}' does not exist in table '{_table.Name}'{Suggestion(column.Name)} (columns: {string.Join(", ", _table.Schema.Fields.Select(f => f.Name))})");
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
                return Negate(BindScalar(negate.Operand, clause), negate.Operand);
            case UnaryExpression not:
                return new NotExpression(RequireBool(BindScalar(not.Operand, clause), not.Operand, "NOT"));
            case BinaryExpression binary:
                return BindBinary(binary, BindScalar(binary.Left, clause), BindScalar(binary.Right, clause));
            case AstIsNull isNull:
                return new BoundIsNull(BindScalar(isNull.Value, clause), isNull.Negated);
            case BetweenExpression between:
                return BindBetween(between, BindScalar(between.Value, clause), BindScalar(between.Low, clause), BindScalar(between.High, clause));
            case InExpression inList:
                return BindIn(inList, BindScalar(inList.Value, clause));
            case FunctionCall call when _functions.IsAggregate(call.Name):
                throw Error(call.Position, $"Aggregate functions are not allowed in {clause}: {call.ToSql()}");
            case FunctionCall call when _functions.TryGetScalar(call.Name, out var function):
                return BindFunction(function, call, [.. call.Arguments.Select(a => BindScalar(a, clause))]);
            case FunctionCall call:
                throw Error(call.Position, $"Unknown function '{call.Name}'; scalar functions: {string.Join(", ", _functions.ScalarNames)}; aggregates: {string.Join(", ", _functions.AggregateNames)}");
            default:
                throw Error(expression.Position, $"Unsupported expression '{expression.ToSql()}'");
        }
    }

    private FunctionExpression BindFunction(ScalarFunction function, FunctionCall call, IReadOnlyList<BoundExpression> arguments)
    {
        if (call.Distinct || call.Star)
        {
            throw Error(call.Position, $"{call.Name}() is not an aggregate and takes no {(call.Star ? "*" : "DISTINCT")}");
        }

        return FunctionExpression.Bind(function, new ScalarBindContext(call.Name.ToLowerInvariant(), arguments, ArgumentError(call)));
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
                return BindArithmetic(binary, left, right);
            default:
                return BindComparison(binary, ToComparison(binary.Operator), left, right);
        }
    }

    private FunctionExpression BindArithmetic(BinaryExpression binary, BoundExpression left, BoundExpression right)
    {
        var symbol = binary.Operator switch
        {
            BinaryOperator.Add => "+",
            BinaryOperator.Subtract => "-",
            BinaryOperator.Multiply => "*",
            BinaryOperator.Divide => "/",
            _ => "%",
        };

        // Text shifting a timestamp is an interval ('5m', '1 hour'), as INTERVAL literals are.
        if (left.Type == DataType.Timestamp && symbol is "+" or "-" && binary.Right is StringLiteral text)
        {
            right = new Literal(ScalarValue.FromInterval(ParseInterval(text.Value, text.Position)));
        }

        left = CoerceNull(left, right.Type);
        right = CoerceNull(right, left.Type);
        _functions.TryGetScalar(symbol, out var function);
        Func<int, string, QueryBindException> error = (index, message) => Error(index == 0 ? binary.Left.Position : index == 1 ? binary.Right.Position : binary.Position, message);
        return FunctionExpression.Bind(function!, new ScalarBindContext(symbol, [left, right], error));
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
        if (left.Type == DataType.Timestamp && right is Literal { Type.Id: TypeId.String } rightText)
        {
            right = new Literal(ScalarValue.FromTimestamp(ParseTimestamp(rightText.Value.StringValue, rightSource.Position)));
        }

        if (right.Type == DataType.Timestamp && left is Literal { Type.Id: TypeId.String } leftText)
        {
            left = new Literal(ScalarValue.FromTimestamp(ParseTimestamp(leftText.Value.StringValue, leftSource.Position)));
        }

        var comparable = left.Type == right.Type || (left.Type.IsNumeric() && right.Type.IsNumeric());
        if (!comparable)
        {
            throw Error(rightSource.Position, $"Cannot compare {left.Type.SqlName()} with {right.Type.SqlName()}");
        }

        return (left, right);
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

    private FunctionCall? FindAggregate(SqlExpression expression) => expression switch
    {
        FunctionCall call when _functions.IsAggregate(call.Name) => call,
        FunctionCall call => call.Arguments.Select(FindAggregate).FirstOrDefault(a => a is not null),
        UnaryExpression unary => FindAggregate(unary.Operand),
        BinaryExpression binary => FindAggregate(binary.Left) ?? FindAggregate(binary.Right),
        AstIsNull isNull => FindAggregate(isNull.Value),
        BetweenExpression between => FindAggregate(between.Value) ?? FindAggregate(between.Low) ?? FindAggregate(between.High),
        InExpression inList => FindAggregate(inList.Value) ?? inList.List.Select(FindAggregate).FirstOrDefault(a => a is not null),
        _ => null,
    };

    private QueryBindException Error(SourcePosition position, string problem) => Error(_sql, position, problem);

    private static QueryBindException Error(string sql, SourcePosition position, string problem) =>
        position.Line > 0 ? new QueryBindException(problem, sql, position.Line, position.Column) : new QueryBindException(problem);
}
