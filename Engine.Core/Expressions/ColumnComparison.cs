using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// The normalized form of <c>column op constant</c>: a comparison whose one side is a column reference and
/// whose other side is a literal, written with the column on the left (<c>5 &lt; x</c> becomes
/// <c>x &gt; 5</c>). Partition, chunk and page pruning, sorted-range slicing, morsel range checks and the
/// constant filter kernels all recognize filters through <see cref="TryMatch"/>, so the rule lives once.
/// </summary>
/// <param name="Column">The column's index in the batch the filter reads.</param>
/// <param name="Operator">The operator with the column on the left.</param>
/// <param name="Constant">The constant (may be NULL, which no row satisfies).</param>
public readonly record struct ColumnComparison(int Column, ComparisonOperator Operator, ScalarValue Constant)
{
    /// <summary>True with the normalized comparison when <paramref name="expression"/> has the shape.</summary>
    public static bool TryMatch(BoundExpression expression, out ColumnComparison comparison)
    {
        switch (expression)
        {
            case ComparisonExpression { Left: ColumnReference column, Right: Literal literal } c:
                comparison = new ColumnComparison(column.Index, c.Operator, literal.Value);
                return true;
            case ComparisonExpression { Left: Literal literal, Right: ColumnReference column } c:
                comparison = new ColumnComparison(column.Index, c.Operator.Flip(), literal.Value);
                return true;
            default:
                comparison = default;
                return false;
        }
    }

    /// <summary>
    /// The conjuncts of <paramref name="filter"/> (its AND tree flattened, left to right) when every one is a
    /// <c>column op constant</c>; false otherwise.
    /// </summary>
    public static bool TryMatchConjunction(BoundExpression filter, List<ColumnComparison> comparisons)
    {
        if (filter is LogicalExpression { Operator: LogicalOperator.And } and)
        {
            return TryMatchConjunction(and.Left, comparisons) && TryMatchConjunction(and.Right, comparisons);
        }

        if (TryMatch(filter, out var comparison))
        {
            comparisons.Add(comparison);
            return true;
        }

        return false;
    }
}
