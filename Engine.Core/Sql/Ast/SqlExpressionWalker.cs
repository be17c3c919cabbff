namespace Engine.Core.Sql.Ast;

/// <summary>
/// The children of every kind of syntax node, in one place: the binder's and the query runner's searches
/// (for aggregates, for subqueries) walk trees through it. Subqueries are leaves here: their bodies are
/// other query blocks.
/// </summary>
public static class SqlExpressionWalker
{
    /// <summary>The direct sub-expressions of <paramref name="expression"/>, in source order.</summary>
    public static IEnumerable<SqlExpression> Children(SqlExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        switch (expression)
        {
            case UnaryExpression unary:
                yield return unary.Operand;
                break;
            case BinaryExpression binary:
                yield return binary.Left;
                yield return binary.Right;
                break;
            case IsNullExpression isNull:
                yield return isNull.Value;
                break;
            case BetweenExpression between:
                yield return between.Value;
                yield return between.Low;
                yield return between.High;
                break;
            case InExpression inList:
                yield return inList.Value;
                foreach (var item in inList.List)
                {
                    yield return item;
                }

                break;
            case FunctionCall call:
                foreach (var argument in call.Arguments)
                {
                    yield return argument;
                }

                if (call.Filter is not null)
                {
                    yield return call.Filter;
                }

                break;
            case CaseExpression choice:
                if (choice.Operand is not null)
                {
                    yield return choice.Operand;
                }

                foreach (var branch in choice.Branches)
                {
                    yield return branch.When;
                    yield return branch.Then;
                }

                if (choice.Else is not null)
                {
                    yield return choice.Else;
                }

                break;
            case CastExpression cast:
                yield return cast.Operand;
                break;
            case LikeExpression like:
                yield return like.Value;
                yield return like.Pattern;
                if (like.Escape is not null)
                {
                    yield return like.Escape;
                }

                break;
            case IsDistinctFromExpression distinct:
                yield return distinct.Left;
                yield return distinct.Right;
                break;
            case InSubqueryExpression inSubquery:
                yield return inSubquery.Value;
                break;
        }
    }

    /// <summary>The first node of <paramref name="expression"/>'s tree (itself included, depth first) that satisfies <paramref name="predicate"/>.</summary>
    public static SqlExpression? Find(SqlExpression expression, Func<SqlExpression, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (predicate(expression))
        {
            return expression;
        }

        foreach (var child in Children(expression))
        {
            if (Find(child, predicate) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Every node of <paramref name="expression"/>'s tree that satisfies <paramref name="predicate"/>, depth first; the search does not descend into matches.</summary>
    public static IEnumerable<SqlExpression> FindAll(SqlExpression expression, Func<SqlExpression, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (predicate(expression))
        {
            yield return expression;
            yield break;
        }

        foreach (var child in Children(expression))
        {
            foreach (var found in FindAll(child, predicate))
            {
                yield return found;
            }
        }
    }
}
