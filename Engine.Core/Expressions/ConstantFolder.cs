using Engine.Core.Execution;
using Engine.Core.Functions;

namespace Engine.Core.Expressions;

/// <summary>
/// Replaces every subtree that reads no column and calls no volatile function by its value, before
/// planning: <c>ts &gt; TIMESTAMP '2024-01-01 01:00' - INTERVAL '30 minutes'</c> becomes a comparison with
/// one literal and prunes like one, and a call of a stable function (now()) becomes the one value the whole
/// query sees. Errors a constant raises (an overflow) surface at bind time, as in DuckDB. Stateless and
/// thread-safe.
/// </summary>
public static class ConstantFolder
{
    /// <summary><paramref name="expression"/> with its constant subtrees folded.</summary>
    public static BoundExpression Fold(BoundExpression expression) => ExpressionTree.Rewrite(expression, FoldNode);

    private static BoundExpression FoldNode(BoundExpression node)
    {
        if (node is Literal or ColumnReference)
        {
            return node;
        }

        foreach (var child in node.Children)
        {
            if (child is not Literal)
            {
                return node;
            }
        }

        if (node is FunctionExpression { Function.Volatility: FunctionVolatility.Volatile })
        {
            return node;
        }

        return new Literal(ExpressionEvaluator.EvaluateConstant(node));
    }
}
