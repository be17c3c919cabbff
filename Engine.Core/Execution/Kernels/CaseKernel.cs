using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Execution.Kernels;

/// <summary>
/// Lazy evaluation of a searched CASE over a selection: each condition is evaluated over the rows no
/// earlier branch took, each result only over the rows its condition took, and the pieces are scattered
/// into one output column.
/// </summary>
internal static class CaseKernel
{
    public static Column Evaluate(CaseExpression expression, ColumnBatch batch, Selection selection)
    {
        var count = selection.Count;
        var output = new ColumnAssembler(expression.Type, count);

        // Batch rows still undecided, and where each goes in the output.
        var rows = new int[count];
        var positions = new int[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = selection[i];
            positions[i] = i;
        }

        var remaining = count;
        foreach (var branch in expression.Branches)
        {
            if (remaining == 0)
            {
                break;
            }

            var undecided = Selection.Of(rows, remaining);
            var condition = (BoolColumn)ExpressionEvaluator.Evaluate(branch.When, batch, undecided);
            var takenRows = new int[remaining];
            var takenPositions = new int[remaining];
            var taken = 0;
            var kept = 0;
            for (var i = 0; i < remaining; i++)
            {
                if (condition.GetValue(i) && !condition.IsNull(i))
                {
                    takenRows[taken] = rows[i];
                    takenPositions[taken++] = positions[i];
                }
                else
                {
                    rows[kept] = rows[i];
                    positions[kept++] = positions[i];
                }
            }

            if (taken > 0)
            {
                var result = ExpressionEvaluator.Evaluate(branch.Then, batch, Selection.Of(takenRows, taken));
                output.Scatter(result, takenPositions.AsSpan(0, taken));
            }

            remaining = kept;
        }

        if (remaining > 0)
        {
            var result = ExpressionEvaluator.Evaluate(expression.Else, batch, Selection.Of(rows, remaining));
            output.Scatter(result, positions.AsSpan(0, remaining));
        }

        return output.Build();
    }

    /// <summary>IS [NOT] DISTINCT FROM: NULL equals NULL, differs from any value; never NULL.</summary>
    public static BoolColumn DistinctFrom(DistinctFromExpression expression, Column left, Column right)
    {
        var equal = ComparisonKernel.Compare(Expressions.ComparisonOperator.Equal, left, right);
        var count = left.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        for (var i = 0; i < count; i++)
        {
            var leftNull = left.IsNull(i);
            var rightNull = right.IsNull(i);
            var same = leftNull || rightNull ? leftNull == rightNull : equal.GetValue(i);
            if (same == expression.Negated)
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }

        return new BoolColumn(bits, count);
    }
}
