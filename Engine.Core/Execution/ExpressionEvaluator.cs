using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;

namespace Engine.Core.Execution;

/// <summary>
/// Evaluates bound expressions column-at-a-time. <see cref="Evaluate"/> returns a dense column with one
/// row per selected input row; <see cref="Filter"/> narrows a selection vector by a predicate, treating
/// NULL as false. Stateless and thread-safe.
/// </summary>
internal static class ExpressionEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="expression"/> over the rows of <paramref name="batch"/> named by
    /// <paramref name="selection"/> (all rows when null). The result has <c>selection.Length</c> rows, or
    /// <c>batch.RowCount</c> rows when the selection is null; it may share buffers with the batch.
    /// </summary>
    public static Column Evaluate(BoundExpression expression, ColumnBatch batch, int[]? selection)
    {
        var count = selection?.Length ?? batch.RowCount;
        switch (expression)
        {
            case ColumnReference reference:
                return selection is null ? batch.Columns[reference.Index] : ColumnGather.Gather(batch.Columns[reference.Index], selection);
            case Literal literal:
                return Broadcast(literal.Value, count);
            case CastExpression cast:
                return ToDouble(Evaluate(cast.Operand, batch, selection));
            case NegateExpression negate:
                return Negate(Evaluate(negate.Operand, batch, selection));
            case ArithmeticExpression arithmetic:
                return Arithmetic(arithmetic, Evaluate(arithmetic.Left, batch, selection), Evaluate(arithmetic.Right, batch, selection));
            case ComparisonExpression comparison:
                return Compare(comparison.Operator, Evaluate(comparison.Left, batch, selection), Evaluate(comparison.Right, batch, selection));
            case LogicalExpression logical:
                return Logical(logical.Operator, (BoolColumn)Evaluate(logical.Left, batch, selection), (BoolColumn)Evaluate(logical.Right, batch, selection));
            case NotExpression not:
                return Not((BoolColumn)Evaluate(not.Operand, batch, selection));
            case IsNullExpression isNull:
                return IsNull(Evaluate(isNull.Operand, batch, selection), isNull.Negated);
            case InListExpression inList:
                return InList(inList, Evaluate(inList.Operand, batch, selection));
            case TimeBucketExpression bucket:
                return TimeBucket(bucket, (Int64Column)Evaluate(bucket.Timestamp, batch, selection));
            default:
                throw new InvalidOperationException($"The evaluator cannot run {expression.GetType().Name}.");
        }
    }

    /// <summary>
    /// The rows of <paramref name="selection"/> (all rows when null) for which <paramref name="predicate"/>
    /// is true. Conjunctions narrow the selection one side at a time.
    /// </summary>
    public static int[] Filter(BoundExpression predicate, ColumnBatch batch, int[]? selection)
    {
        if (predicate is LogicalExpression { Operator: LogicalOperator.And } and)
        {
            var left = Filter(and.Left, batch, selection);
            return left.Length == 0 ? left : Filter(and.Right, batch, left);
        }

        if (predicate is ComparisonExpression comparison && ConstantComparisonFilter.TryFilter(comparison, batch, selection) is { } direct)
        {
            return direct;
        }

        var result = (BoolColumn)Evaluate(predicate, batch, selection);
        var count = 0;
        for (var i = 0; i < result.Length; i++)
        {
            if (result.GetValue(i) && !result.IsNull(i))
            {
                count++;
            }
        }

        var selected = new int[count];
        var next = 0;
        for (var i = 0; i < result.Length; i++)
        {
            if (result.GetValue(i) && !result.IsNull(i))
            {
                selected[next++] = selection is null ? i : selection[i];
            }
        }

        return selected;
    }

    /// <summary>Evaluates an expression that uses no columns (a constant) to a scalar.</summary>
    public static ScalarValue EvaluateConstant(BoundExpression expression)
    {
        var empty = new ColumnBatch(new Schema([]), [], 1);
        return Evaluate(expression, empty, null).GetScalar(0);
    }

    private static Column Broadcast(ScalarValue value, int count)
    {
        byte[]? validity = value.IsNull ? ValidityBitmap.Create(count, allValid: false) : null;
        switch (value.Type.Id)
        {
            case TypeId.Int64:
            case TypeId.Timestamp:
            {
                var values = new long[count];
                if (!value.IsNull)
                {
                    values.AsSpan().Fill(value.Int64Value);
                }

                return new Int64Column(values, validity, value.Type);
            }

            case TypeId.Double:
            {
                var values = new double[count];
                if (!value.IsNull)
                {
                    values.AsSpan().Fill(value.DoubleValue);
                }

                return new DoubleColumn(values, validity);
            }

            case TypeId.Bool:
            {
                var bits = ValidityBitmap.Create(count, allValid: !value.IsNull && value.BoolValue);
                return new BoolColumn(bits, count, validity);
            }

            default:
                return new StringColumn(new int[count], 0, count, value.IsNull ? [string.Empty] : [value.StringValue], validity);
        }
    }

    private static DoubleColumn ToDouble(Column column)
    {
        if (column is DoubleColumn doubles)
        {
            return doubles;
        }

        var source = ((Int64Column)column).Values;
        var values = new double[source.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = source[i];
        }

        return new DoubleColumn(values, CopyValidity(column));
    }

    private static Column Negate(Column column)
    {
        if (column is DoubleColumn doubles)
        {
            var source = doubles.Values;
            var values = new double[source.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = -source[i];
            }

            return new DoubleColumn(values, CopyValidity(column));
        }

        var ints = ((Int64Column)column).Values;
        var negated = new long[ints.Length];
        for (var i = 0; i < negated.Length; i++)
        {
            if (ints[i] == long.MinValue && !column.IsNull(i))
            {
                throw new QueryExecutionException($"Overflow negating BIGINT {ints[i]}.");
            }

            negated[i] = -ints[i];
        }

        return new Int64Column(negated, CopyValidity(column), column.Type);
    }

    private static Column Arithmetic(ArithmeticExpression expression, Column left, Column right)
    {
        var validity = CombineValidity(left, right);
        var count = left.Length;
        if (expression.Type == DataType.Double)
        {
            var l = ToDouble(left).Values;
            var r = ToDouble(right).Values;
            var values = new double[count];
            switch (expression.Operator)
            {
                case ArithmeticOperator.Add:
                    for (var i = 0; i < count; i++)
                    {
                        values[i] = l[i] + r[i];
                    }

                    break;
                case ArithmeticOperator.Subtract:
                    for (var i = 0; i < count; i++)
                    {
                        values[i] = l[i] - r[i];
                    }

                    break;
                case ArithmeticOperator.Multiply:
                    for (var i = 0; i < count; i++)
                    {
                        values[i] = l[i] * r[i];
                    }

                    break;
                case ArithmeticOperator.Divide:
                    for (var i = 0; i < count; i++)
                    {
                        values[i] = l[i] / r[i];
                    }

                    break;
                default:
                    for (var i = 0; i < count; i++)
                    {
                        values[i] = l[i] % r[i];
                    }

                    break;
            }

            return new DoubleColumn(values, validity);
        }

        var li = ((Int64Column)left).Values;
        var ri = ((Int64Column)right).Values;
        var results = new long[count];
        switch (expression.Operator)
        {
            case ArithmeticOperator.Add:
                for (var i = 0; i < count; i++)
                {
                    results[i] = CheckedOrZero(validity, i, li[i], ri[i], static (a, b) => checked(a + b), "+");
                }

                break;
            case ArithmeticOperator.Subtract:
                for (var i = 0; i < count; i++)
                {
                    results[i] = CheckedOrZero(validity, i, li[i], ri[i], static (a, b) => checked(a - b), "-");
                }

                break;
            case ArithmeticOperator.Multiply:
                for (var i = 0; i < count; i++)
                {
                    results[i] = CheckedOrZero(validity, i, li[i], ri[i], static (a, b) => checked(a * b), "*");
                }

                break;
            default:
                for (var i = 0; i < count; i++)
                {
                    if (ri[i] == 0 && (validity is null || ValidityBitmap.Get(validity, i)))
                    {
                        validity ??= ValidityBitmap.Create(count, allValid: true);
                        ValidityBitmap.Set(validity, i, false);
                    }
                    else if (ri[i] != 0)
                    {
                        results[i] = ri[i] == -1 ? 0 : li[i] % ri[i];
                    }
                }

                break;
        }

        return new Int64Column(results, validity, expression.Type);
    }

    private static long CheckedOrZero(byte[]? validity, int row, long left, long right, Func<long, long, long> operation, string symbol)
    {
        if (validity is not null && !ValidityBitmap.Get(validity, row))
        {
            return 0;
        }

        try
        {
            return operation(left, right);
        }
        catch (OverflowException)
        {
            throw new QueryExecutionException($"Overflow in BIGINT arithmetic: {left} {symbol} {right}.");
        }
    }

    private static BoolColumn Compare(ComparisonOperator op, Column left, Column right)
    {
        var count = left.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        var validity = CombineValidity(left, right);
        switch (left, right)
        {
            case (StringColumn ls, StringColumn rs):
                CompareStrings(op, ls, rs, bits);
                break;
            case (Int64Column li, Int64Column ri):
            {
                var l = li.Values;
                var r = ri.Values;
                for (var i = 0; i < count; i++)
                {
                    if (Holds(op, l[i].CompareTo(r[i])))
                    {
                        ValidityBitmap.Set(bits, i, true);
                    }
                }

                break;
            }

            case (BoolColumn lb, BoolColumn rb):
                for (var i = 0; i < count; i++)
                {
                    if (Holds(op, lb.GetValue(i).CompareTo(rb.GetValue(i))))
                    {
                        ValidityBitmap.Set(bits, i, true);
                    }
                }

                break;
            default:
            {
                var l = ToDouble(left).Values;
                var r = ToDouble(right).Values;
                for (var i = 0; i < count; i++)
                {
                    if (HoldsDouble(op, l[i], r[i]))
                    {
                        ValidityBitmap.Set(bits, i, true);
                    }
                }

                break;
            }
        }

        return new BoolColumn(bits, count, validity);
    }

    private static void CompareStrings(ComparisonOperator op, StringColumn left, StringColumn right, byte[] bits)
    {
        var lc = left.Codes;
        var rc = right.Codes;
        if (right.Dictionary.Count == 1)
        {
            // A constant right side (a literal or a partition-constant tag): decide once per dictionary entry.
            var constant = right.Dictionary[0];
            var matches = new bool[left.Dictionary.Count];
            for (var code = 0; code < matches.Length; code++)
            {
                matches[code] = Holds(op, string.CompareOrdinal(left.Dictionary[code], constant));
            }

            for (var i = 0; i < lc.Length; i++)
            {
                if (!left.IsNull(i) && matches[lc[i]])
                {
                    ValidityBitmap.Set(bits, i, true);
                }
            }

            return;
        }

        for (var i = 0; i < lc.Length; i++)
        {
            if (left.IsNull(i) || right.IsNull(i))
            {
                continue;
            }

            if (Holds(op, string.CompareOrdinal(left.Dictionary[lc[i]], right.Dictionary[rc[i]])))
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }
    }

    /// <summary>True when a three-way comparison result satisfies <paramref name="op"/>.</summary>
    public static bool Holds(ComparisonOperator op, int comparison) => op switch
    {
        ComparisonOperator.Equal => comparison == 0,
        ComparisonOperator.NotEqual => comparison != 0,
        ComparisonOperator.Less => comparison < 0,
        ComparisonOperator.LessOrEqual => comparison <= 0,
        ComparisonOperator.Greater => comparison > 0,
        _ => comparison >= 0,
    };

    // DuckDB orders NaN above every other double and equal to itself; CompareTo does the same except
    // that it orders NaN below. Match DuckDB so filters agree with the reference.
    private static bool HoldsDouble(ComparisonOperator op, double left, double right) =>
        Holds(op, CompareDoubles(left, right));

    /// <summary>Total order on doubles with NaN greater than every number and equal to itself (DuckDB's order).</summary>
    public static int CompareDoubles(double left, double right)
    {
        if (double.IsNaN(left))
        {
            return double.IsNaN(right) ? 0 : 1;
        }

        if (double.IsNaN(right))
        {
            return -1;
        }

        return left.CompareTo(right);
    }

    private static BoolColumn Logical(LogicalOperator op, BoolColumn left, BoolColumn right)
    {
        var count = left.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        byte[]? validity = null;
        for (var i = 0; i < count; i++)
        {
            var leftNull = left.IsNull(i);
            var rightNull = right.IsNull(i);
            var l = !leftNull && left.GetValue(i);
            var r = !rightNull && right.GetValue(i);
            bool value;
            bool isNull;
            if (op == LogicalOperator.And)
            {
                var definitelyFalse = (!leftNull && !l) || (!rightNull && !r);
                value = l && r;
                isNull = !definitelyFalse && (leftNull || rightNull);
            }
            else
            {
                var definitelyTrue = l || r;
                value = definitelyTrue;
                isNull = !definitelyTrue && (leftNull || rightNull);
            }

            if (value)
            {
                ValidityBitmap.Set(bits, i, true);
            }

            if (isNull)
            {
                validity ??= ValidityBitmap.Create(count, allValid: true);
                ValidityBitmap.Set(validity, i, false);
            }
        }

        return new BoolColumn(bits, count, validity);
    }

    private static BoolColumn Not(BoolColumn operand)
    {
        var count = operand.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        for (var i = 0; i < count; i++)
        {
            if (!operand.GetValue(i))
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }

        return new BoolColumn(bits, count, CopyValidity(operand));
    }

    private static BoolColumn IsNull(Column operand, bool negated)
    {
        var count = operand.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        for (var i = 0; i < count; i++)
        {
            if (operand.IsNull(i) != negated)
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }

        return new BoolColumn(bits, count);
    }

    private static BoolColumn InList(InListExpression expression, Column operand)
    {
        var count = operand.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        var listHasNull = expression.Values.Any(v => v.IsNull);
        var candidates = expression.Values.Where(v => !v.IsNull).ToArray();
        byte[]? validity = CopyValidity(operand);
        if (operand is StringColumn strings)
        {
            var wanted = new HashSet<string>(candidates.Select(v => v.StringValue), StringComparer.Ordinal);
            var matches = new bool[strings.Dictionary.Count];
            for (var code = 0; code < matches.Length; code++)
            {
                matches[code] = wanted.Contains(strings.Dictionary[code]);
            }

            var codes = strings.Codes;
            for (var i = 0; i < count; i++)
            {
                SetInResult(bits, ref validity, count, i, operand.IsNull(i), matches[codes[i]], expression.Negated, listHasNull);
            }
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                var isNull = operand.IsNull(i);
                var match = false;
                if (!isNull)
                {
                    var value = operand.GetScalar(i);
                    foreach (var candidate in candidates)
                    {
                        if (value.CompareTo(candidate) == 0)
                        {
                            match = true;
                            break;
                        }
                    }
                }

                SetInResult(bits, ref validity, count, i, isNull, match, expression.Negated, listHasNull);
            }
        }

        return new BoolColumn(bits, count, validity);
    }

    private static void SetInResult(byte[] bits, ref byte[]? validity, int count, int row, bool operandNull, bool match, bool negated, bool listHasNull)
    {
        if (operandNull)
        {
            return;
        }

        if (!match && listHasNull)
        {
            validity ??= ValidityBitmap.Create(count, allValid: true);
            ValidityBitmap.Set(validity, row, false);
            return;
        }

        if (match != negated)
        {
            ValidityBitmap.Set(bits, row, true);
        }
    }

    private static Int64Column TimeBucket(TimeBucketExpression bucket, Int64Column timestamps)
    {
        var source = timestamps.Values;
        var values = new long[source.Length];
        var width = bucket.WidthMicros;
        var origin = bucket.OriginMicros;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BucketStart(source[i], width, origin);
        }

        return new Int64Column(values, CopyValidity(timestamps), DataType.Timestamp);
    }

    /// <summary>origin + floor((ts − origin) / width) × width: the start of the bucket holding <paramref name="timestamp"/>.</summary>
    public static long BucketStart(long timestamp, long width, long origin)
    {
        var offset = TimestampMicros.FloorMod(timestamp - origin, width);
        return timestamp - offset;
    }

    private static byte[]? CopyValidity(Column column)
    {
        if (!column.HasNulls)
        {
            return null;
        }

        var validity = ValidityBitmap.Create(column.Length, allValid: true);
        for (var i = 0; i < column.Length; i++)
        {
            if (column.IsNull(i))
            {
                ValidityBitmap.Set(validity, i, false);
            }
        }

        return validity;
    }

    private static byte[]? CombineValidity(Column left, Column right)
    {
        if (!left.HasNulls && !right.HasNulls)
        {
            return null;
        }

        var validity = ValidityBitmap.Create(left.Length, allValid: true);
        for (var i = 0; i < left.Length; i++)
        {
            if (left.IsNull(i) || right.IsNull(i))
            {
                ValidityBitmap.Set(validity, i, false);
            }
        }

        return validity;
    }
}
