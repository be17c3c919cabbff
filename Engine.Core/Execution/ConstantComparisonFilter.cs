using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;
using Engine.Core.Expressions;

namespace Engine.Core.Execution;

/// <summary>
/// The common filter <c>column op constant</c> over BIGINT, TIMESTAMP, INTERVAL or DOUBLE written straight
/// into a selection: no broadcast of the constant, no boolean column, one branch-free pass. Same semantics
/// as the general evaluator: NULL rows never match, doubles order NaN above every number (DuckDB's order).
/// </summary>
internal static class ConstantComparisonFilter
{
    /// <summary>The selected rows, or null when the comparison is not over such a column (use the general path).</summary>
    public static Selection? TryFilter(ColumnComparison comparison, ColumnBatch batch, Selection selection, SelectionBuffers buffers)
    {
        var constant = comparison.Constant;
        var column = batch.Columns[comparison.Column];
        if (constant.IsNull)
        {
            return Selection.Of(buffers.Next(0), 0);
        }

        return column switch
        {
            Int64Column ints when constant.Type == column.Type => Select(ints, ints.Values, constant.Int64Value, comparison.Operator, selection, buffers),
            DoubleColumn doubles when constant.Type.IsNumeric() => Select(doubles, doubles.Values, constant.DoubleValue, comparison.Operator, selection, buffers),
            _ => null,
        };
    }

    private static Selection Select(Column column, ReadOnlySpan<long> values, long constant, ComparisonOperator op, Selection selection, SelectionBuffers buffers)
    {
        var count = selection.Count;
        var selected = buffers.Next(count);
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            var row = selection[i];
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

    private static Selection Select(Column column, ReadOnlySpan<double> values, double constant, ComparisonOperator op, Selection selection, SelectionBuffers buffers)
    {
        var count = selection.Count;
        var selected = buffers.Next(count);
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            var row = selection[i];
            selected[n] = row;
            n += op.Holds(DoubleOrder.Compare(values[row], constant)) ? 1 : 0;
        }

        return DropNulls(column, selected, n);
    }

    private static Selection DropNulls(Column column, int[] selected, int count)
    {
        if (!column.HasNulls)
        {
            return Selection.Of(selected, count);
        }

        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (!column.IsNull(selected[i]))
            {
                selected[kept++] = selected[i];
            }
        }

        return Selection.Of(selected, kept);
    }
}
