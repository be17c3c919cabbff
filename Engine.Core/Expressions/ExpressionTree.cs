namespace Engine.Core.Expressions;

/// <summary>Generic walks over bound expression trees: searches and bottom-up rewrites. Stateless, thread-safe.</summary>
public static class ExpressionTree
{
    /// <summary>True when <paramref name="predicate"/> holds for <paramref name="expression"/> or any node below it.</summary>
    public static bool Any(BoundExpression expression, Func<BoundExpression, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(predicate);
        if (predicate(expression))
        {
            return true;
        }

        foreach (var child in expression.Children)
        {
            if (Any(child, predicate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rebuilds <paramref name="expression"/> bottom-up: every node's children are rewritten first, then
    /// <paramref name="rewrite"/> is applied to the node. Nodes whose children did not change are kept as
    /// they are, so an identity rewrite returns the same instance.
    /// </summary>
    public static BoundExpression Rewrite(BoundExpression expression, Func<BoundExpression, BoundExpression> rewrite)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(rewrite);
        var children = expression.Children;
        if (children.Count > 0)
        {
            BoundExpression[]? rewritten = null;
            for (var i = 0; i < children.Count; i++)
            {
                var child = Rewrite(children[i], rewrite);
                if (!ReferenceEquals(child, children[i]))
                {
                    rewritten ??= [.. children];
                    rewritten[i] = child;
                }
            }

            if (rewritten is not null)
            {
                expression = expression.WithChildren(rewritten);
            }
        }

        return rewrite(expression);
    }

    /// <summary>The distinct column indexes <paramref name="expression"/> reads, in first-use order.</summary>
    public static IReadOnlyList<int> ColumnsRead(BoundExpression expression)
    {
        var columns = new List<int>();
        Collect(expression, columns);
        return columns;
    }

    private static void Collect(BoundExpression expression, List<int> columns)
    {
        if (expression is ColumnReference column && !columns.Contains(column.Index))
        {
            columns.Add(column.Index);
        }

        foreach (var child in expression.Children)
        {
            Collect(child, columns);
        }
    }
}
