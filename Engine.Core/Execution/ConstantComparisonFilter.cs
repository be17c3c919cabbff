using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Execution;

/// <summary>
/// The common filter <c>column op constant</c> (or <c>constant op column</c>) over BIGINT, TIMESTAMP or
/// DOUBLE written straight into a selection vector: no broadcast of the constant, no boolean column, one
/// branch-free pass. Same semantics as the general evaluator: NULL rows never match, doubles order NaN
/// above every number (DuckDB's order).
/// </summary>
internal static class ConstantComparisonFilter
{
    /// <summary>The selected rows, or null when the predicate is not of this shape (use the general path).</summary>
    public static int[]? TryFilter(ComparisonExpression comparison, ColumnBatch batch, int[]? selection)
    {
        ColumnReference reference;
        Literal literal;
        var op = comparison.Operator;
        switch (comparison)
        {
            case { Left: ColumnReference left, Right: Literal right }:
                (reference, literal) = (left, right);
                break;
            case { Left: Literal left, Right: ColumnReference right }:
                (reference, literal) = (right, left);
                op = Flip(op);
                break;
            default:
                return null;
        }

        if (literal.Value.IsNull)
        {
            return [];
        }

        var column = batch.Columns[reference.Index];
        return column switch
        {
            Int64Column ints when literal.Type.Id is TypeId.Int64 or TypeId.Timestamp => Select(ints, ints.Values, literal.Value.Int64Value, op, selection),
            DoubleColumn doubles when literal.Type.IsNumeric() => Select(doubles, doubles.Values, literal.Value.DoubleValue, op, selection),
            _ => null,
        };
    }

    private static int[] Select(Column column, ReadOnlySpan<long> values, long constant, ComparisonOperator op, int[]? selection)
    {
        var count = selection?.Length ?? values.Length;
        var selected = new int[count];
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            var row = selection is null ? i : selection[i];
            var value = values[row];
            var keep = op switch
            {
                ComparisonOperator.Equal => value == constant,
                ComparisonOperator.NotEqual => value != constant,
                ComparisonOperator.Less => value < constant,
                ComparisonOperator.LessOrEqual => value <= constant,
                ComparisonOperator.Greater => value > constant,
                _ => value >= constant,
            };
            selected[n] = row;
            n += keep ? 1 : 0;
        }

        return DropNulls(column, selected, n);
    }

    private static int[] Select(Column column, ReadOnlySpan<double> values, double constant, ComparisonOperator op, int[]? selection)
    {
        var count = selection?.Length ?? values.Length;
        var selected = new int[count];
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            var row = selection is null ? i : selection[i];
            selected[n] = row;
            n += ExpressionEvaluator.Holds(op, ExpressionEvaluator.CompareDoubles(values[row], constant)) ? 1 : 0;
        }

        return DropNulls(column, selected, n);
    }

    private static int[] DropNulls(Column column, int[] selected, int count)
    {
        if (!column.HasNulls)
        {
            return count == selected.Length ? selected : selected[..count];
        }

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (!column.IsNull(selected[i]))
            {
                selected[kept++] = selected[i];
            }
        }

        return selected[..kept];
    }

    private static ComparisonOperator Flip(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };
}
