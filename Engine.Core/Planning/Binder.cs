using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;
using Engine.Core.Sql;
using Engine.Core.Sql.Ast;
using AstIsNull = Engine.Core.Sql.Ast.IsNullExpression;
using BoundIsNull = Engine.Core.Expressions.IsNullExpression;

namespace Engine.Core.Planning;

/// <summary>
/// Resolves a parsed statement against a catalog: tables and columns, types and implicit coercions
/// (string literals compared with timestamps are parsed as timestamps), aggregate rules (no aggregates in
/// WHERE or GROUP BY, no nesting, every selected column grouped or aggregated), and ORDER BY by alias,
/// ordinal or expression. Errors are <see cref="QueryBindException"/>s with a caret at the offending text.
/// </summary>
public sealed class Binder
{
    private static readonly Dictionary<string, AggregateKind> s_aggregates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["count"] = AggregateKind.Count,
        ["sum"] = AggregateKind.Sum,
        ["min"] = AggregateKind.Min,
        ["max"] = AggregateKind.Max,
        ["avg"] = AggregateKind.Avg,
        ["mean"] = AggregateKind.Avg,
        ["first"] = AggregateKind.First,
        ["last"] = AggregateKind.Last,
        ["stddev_pop"] = AggregateKind.StddevPop,
        ["stddev_samp"] = AggregateKind.StddevSamp,
        ["stddev"] = AggregateKind.StddevSamp,
        ["var_pop"] = AggregateKind.VarPop,
        ["var_samp"] = AggregateKind.VarSamp,
        ["variance"] = AggregateKind.VarSamp,
        ["vwap"] = AggregateKind.Vwap,
    };

    private readonly string _sql;
    private readonly TableInfo _table;
    private readonly List<Field> _scanFields = [];
    private readonly Dictionary<int, int> _scanIndexBySchemaIndex = [];
    private readonly List<BoundExpression> _groupKeys = [];
    private readonly Dictionary<string, int> _groupKeyIndex = new(StringComparer.Ordinal);
    private readonly List<AggregateCall> _aggregateCalls = [];
    private readonly Dictionary<string, int> _aggregateIndex = new(StringComparer.Ordinal);

    private Binder(string sql, TableInfo table)
    {
        _sql = sql;
        _table = table;
    }

    /// <summary>Binds <paramref name="statement"/> (parsed from <paramref name="sql"/>) against <paramref name="catalog"/>.</summary>
    public static BoundQuery Bind(string sql, SqlStatement statement, ITableCatalog catalog)
    {
        var select = statement.Select;
        if (!catalog.TryGetTable(select.From.Name, out var table))
        {
            var known = catalog.TableNames.Count == 0 ? "the catalog has no tables" : $"known tables: {string.Join(", ", catalog.TableNames)}";
            throw Error(sql, select.From.Position, $"Table '{select.From.Name}' does not exist ({known})");
        }

        return new Binder(sql, table).BindSelect(statement);
    }

    private BoundQuery BindSelect(SqlStatement statement)
    {
        var select = statement.Select;
        var filter = select.Where is null ? null : BindPredicate(select.Where, "WHERE");
        var isAggregate = select.GroupBy.Count > 0 || select.Having is not null ||
            select.Items.Any(i => i.Expression is not null && ContainsAggregate(i.Expression)) ||
            select.OrderBy.Any(o => ContainsAggregate(o.Expression));
        var limit = select.Limit?.Count;
        return isAggregate
            ? BindAggregateQuery(statement, filter, limit)
            : BindRowQuery(statement, filter, limit);
    }

    private BoundQuery BindRowQuery(SqlStatement statement, BoundExpression? filter, long? limit)
    {
        var select = statement.Select;
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

            projections.Add(BindScalar(item.Expression, "SELECT"));
            names.Add(OutputName(item));
        }

        var visible = projections.Count;
        var order = new List<SortKey>();
        foreach (var item in select.OrderBy)
        {
            var index = ResolveOutputReference(item.Expression, names, visible);
            if (index < 0)
            {
                var bound = BindScalar(item.Expression, "ORDER BY");
                index = projections.FindIndex(p => p.ToString() == bound.ToString());
                if (index < 0)
                {
                    index = projections.Count;
                    projections.Add(bound);
                }
            }

            order.Add(new SortKey(index, item.Descending, item.NullsFirst ?? false));
        }

        var postInputs = projections.Select((p, i) => (BoundExpression)new ColumnReference(i, $"c{i}", p.Type)).ToArray();
        var plan = new FragmentPlan(_table.Name, [.. _scanFields], filter, [], [], projections, order, limit, IsAggregate: false);
        return new BoundQuery(_sql, _table, plan, postInputs[..visible], UniqueNames(names), null, postInputs[visible..], order, limit,
            statement.Explain, statement.Analyze);
    }

    private BoundQuery BindAggregateQuery(SqlStatement statement, BoundExpression? filter, long? limit)
    {
        var select = statement.Select;
        foreach (var key in select.GroupBy)
        {
            var expression = ResolveGroupByItem(key, select.Items);
            if (ContainsAggregate(expression))
            {
                throw Error(key.Position, "Aggregate functions are not allowed in GROUP BY");
            }

            var bound = BindScalar(expression, "GROUP BY");
            var text = bound.ToString();
            if (!_groupKeyIndex.ContainsKey(text))
            {
                _groupKeyIndex[text] = _groupKeys.Count;
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
                index = outputs.FindIndex(o => o.ToString() == bound.ToString());
                if (index < 0)
                {
                    index = outputs.Count + hidden.Count;
                    hidden.Add(bound);
                }
            }

            order.Add(new SortKey(index, item.Descending, item.NullsFirst ?? false));
        }

        var plan = new FragmentPlan(_table.Name, [.. _scanFields], filter, [.. _groupKeys], [.. _aggregateCalls], [], [], null, IsAggregate: true);
        return new BoundQuery(_sql, _table, plan, outputs, UniqueNames(names), having, hidden, order, limit, statement.Explain, statement.Analyze);
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

    private static int ResolveOutputReference(SqlExpression expression, List<string> names, int visible)
    {
        if (expression is IntegerLiteral ordinal)
        {
            return ordinal.Value >= 1 && ordinal.Value <= visible
                ? (int)ordinal.Value - 1
                : throw new QueryBindException($"ORDER BY position {ordinal.Value} is not in the select list (1 to {visible})");
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

    private BoundExpression BindPost(SqlExpression expression)
    {
        if (!ContainsAggregate(expression))
        {
            var bound = BindScalar(expression, "SELECT");
            if (_groupKeyIndex.TryGetValue(bound.ToString(), out var keyIndex))
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
            case FunctionCall call when s_aggregates.ContainsKey(call.Name):
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
            case ColumnRef column:
                throw Error(column.Position, $"Column '{column.Name}' must appear in the GROUP BY clause or be used in an aggregate function");
            default:
                throw Error(expression.Position, $"'{expression.ToSql()}' must appear in the GROUP BY clause or be used in an aggregate function");
        }
    }

    private ColumnReference BindAggregate(FunctionCall call)
    {
        var kind = s_aggregates[call.Name];
        foreach (var argument in call.Arguments)
        {
            if (ContainsAggregate(argument))
            {
                throw Error(argument.Position, $"Aggregate calls cannot be nested: {call.ToSql()}");
            }
        }

        if (call.Distinct && kind != AggregateKind.Count)
        {
            throw new UnsupportedFeatureException("DISTINCT in aggregates other than count", call.ToSql());
        }

        AggregateCall bound;
        if (call.Star)
        {
            if (kind != AggregateKind.Count)
            {
                throw Error(call.Position, $"{call.Name}(*) is not an aggregate; only count(*) takes *");
            }

            bound = new AggregateCall(AggregateKind.CountStar, null, null, DataType.Int64);
        }
        else
        {
            bound = BindAggregateCall(call, kind);
        }

        var text = bound.ToString();
        if (!_aggregateIndex.TryGetValue(text, out var index))
        {
            index = _aggregateCalls.Count;
            _aggregateIndex[text] = index;
            _aggregateCalls.Add(bound);
        }

        return new ColumnReference(_groupKeys.Count + index, call.ToSql(), bound.ResultType);
    }

    private AggregateCall BindAggregateCall(FunctionCall call, AggregateKind kind)
    {
        var name = call.Name.ToLowerInvariant();
        var (min, max) = kind switch
        {
            AggregateKind.Vwap => (2, 2),
            AggregateKind.First or AggregateKind.Last => (1, 2),
            _ => (1, 1),
        };
        if (call.Arguments.Count < min || call.Arguments.Count > max)
        {
            var expected = min == max ? $"{min}" : $"{min} or {max}";
            throw Error(call.Position, $"{name}() takes {expected} argument(s), got {call.Arguments.Count}");
        }

        var argument = BindScalar(call.Arguments[0], name);
        var type = argument.Type;
        switch (kind)
        {
            case AggregateKind.Count:
                return new AggregateCall(call.Distinct ? AggregateKind.CountDistinct : AggregateKind.Count, argument, null, DataType.Int64);
            case AggregateKind.Sum:
                RequireNumeric(argument, call, name);
                return new AggregateCall(kind, argument, null, type);
            case AggregateKind.Avg:
            case AggregateKind.StddevPop:
            case AggregateKind.StddevSamp:
            case AggregateKind.VarPop:
            case AggregateKind.VarSamp:
                RequireNumeric(argument, call, name);
                return new AggregateCall(kind, argument, null, DataType.Double);
            case AggregateKind.Min:
            case AggregateKind.Max:
                return new AggregateCall(kind, argument, null, type);
            case AggregateKind.Vwap:
            {
                RequireNumeric(argument, call, name);
                var volume = BindScalar(call.Arguments[1], name);
                RequireNumeric(volume, call, name);
                return new AggregateCall(kind, argument, volume, DataType.Double);
            }

            default:
            {
                BoundExpression time;
                if (call.Arguments.Count == 2)
                {
                    time = BindScalar(call.Arguments[1], name);
                }
                else if (_table.TimeColumn is { } timeColumn)
                {
                    time = ScanColumn(_table.Schema.IndexOf(timeColumn));
                }
                else
                {
                    throw Error(call.Position, $"{name}(x) orders by the table's time column, and table '{_table.Name}' has none; pass one: {name}(x, ts)");
                }

                if (time.Type != DataType.Timestamp)
                {
                    throw Error(call.Arguments[^1].Position, $"{name}() orders by a TIMESTAMP, got {time.Type.SqlName()}");
                }

                return new AggregateCall(kind, argument, time, type);
            }
        }
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
                return new Literal(ScalarValue.FromInt64(ParseInterval(interval.Text, interval.Position)));
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
            case FunctionCall call when string.Equals(call.Name, "time_bucket", StringComparison.OrdinalIgnoreCase):
                return BindTimeBucket(call, clause);
            case FunctionCall call when s_aggregates.ContainsKey(call.Name):
                throw Error(call.Position, $"Aggregate functions are not allowed in {clause}: {call.ToSql()}");
            case FunctionCall call:
                throw Error(call.Position, $"Unknown function '{call.Name}'; scalar functions: time_bucket; aggregates: {string.Join(", ", s_aggregates.Keys)}");
            default:
                throw Error(expression.Position, $"Unsupported expression '{expression.ToSql()}'");
        }
    }

    private TimeBucketExpression BindTimeBucket(FunctionCall call, string clause)
    {
        if (call.Arguments.Count != 2)
        {
            throw Error(call.Position, $"time_bucket(interval, ts) takes 2 arguments, got {call.Arguments.Count}");
        }

        var widthArgument = call.Arguments[0];
        var width = widthArgument switch
        {
            StringLiteral text => ParseInterval(text.Value, text.Position),
            IntervalLiteral interval => ParseInterval(interval.Text, interval.Position),
            _ => throw Error(widthArgument.Position, "time_bucket needs a constant interval such as '1 minute', '5m' or INTERVAL '1 hour' as its first argument"),
        };
        if (width <= 0)
        {
            throw Error(widthArgument.Position, $"time_bucket needs a positive interval, got {widthArgument.ToSql()}");
        }

        var timestamp = BindScalar(call.Arguments[1], clause);
        if (timestamp.Type != DataType.Timestamp)
        {
            throw Error(call.Arguments[1].Position, $"time_bucket needs a TIMESTAMP as its second argument, got {timestamp.Type.SqlName()}");
        }

        return new TimeBucketExpression(width, TimeBucketExpression.DefaultOriginMicros, timestamp);
    }

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

    private ArithmeticExpression BindArithmetic(BinaryExpression binary, BoundExpression left, BoundExpression right)
    {
        var op = binary.Operator switch
        {
            BinaryOperator.Add => ArithmeticOperator.Add,
            BinaryOperator.Subtract => ArithmeticOperator.Subtract,
            BinaryOperator.Multiply => ArithmeticOperator.Multiply,
            BinaryOperator.Divide => ArithmeticOperator.Divide,
            _ => ArithmeticOperator.Modulo,
        };
        if (left.Type == DataType.Timestamp && op is ArithmeticOperator.Add or ArithmeticOperator.Subtract)
        {
            var micros = binary.Right switch
            {
                IntervalLiteral interval => ParseInterval(interval.Text, interval.Position),
                StringLiteral text => ParseInterval(text.Value, text.Position),
                _ => throw Error(binary.Right.Position, $"A TIMESTAMP can only be shifted by an interval such as INTERVAL '1 hour', not by {right.Type.SqlName()}"),
            };
            return new ArithmeticExpression(op, left, new Literal(ScalarValue.FromInt64(micros)), DataType.Timestamp);
        }

        left = CoerceNull(left, right.Type);
        right = CoerceNull(right, left.Type);
        if (!left.Type.IsNumeric() || !right.Type.IsNumeric())
        {
            var bad = left.Type.IsNumeric() ? binary.Right : binary.Left;
            throw Error(bad.Position, $"Operator '{binary.Operator}' needs numbers, got {left.Type.SqlName()} and {right.Type.SqlName()}");
        }

        var type = op == ArithmeticOperator.Divide || left.Type == DataType.Double || right.Type == DataType.Double
            ? DataType.Double
            : DataType.Int64;
        return new ArithmeticExpression(op, left, right, type);
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
            var bound = BindScalar(item, "IN");
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
        if (!operand.Type.IsNumeric())
        {
            throw Error(source.Position, $"Cannot negate a {operand.Type.SqlName()}");
        }

        if (operand is not Literal { Value.IsNull: false } literal)
        {
            return new NegateExpression(operand);
        }

        if (literal.Type == DataType.Double)
        {
            return new Literal(ScalarValue.FromDouble(-literal.Value.DoubleValue));
        }

        return literal.Value.Int64Value != long.MinValue
            ? new Literal(ScalarValue.FromInt64(-literal.Value.Int64Value))
            : throw Error(source.Position, $"Overflow negating BIGINT {long.MinValue}");
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

    private void RequireNumeric(BoundExpression argument, FunctionCall call, string name)
    {
        if (!argument.Type.IsNumeric())
        {
            throw Error(call.Position, $"{name}() needs a numeric argument (BIGINT or DOUBLE), got {argument.Type.SqlName()} in {call.ToSql()}");
        }
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

    private static bool ContainsAggregate(SqlExpression expression) => FindAggregate(expression) is not null;

    private static FunctionCall? FindAggregate(SqlExpression expression) => expression switch
    {
        FunctionCall call when s_aggregates.ContainsKey(call.Name) => call,
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
