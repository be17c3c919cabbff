namespace Engine.Core.Expressions;

/// <summary>
/// One method per kind of bound expression node, so that a pass over expressions (evaluation, encoding)
/// handles every kind or does not compile. Passes that only look for a few kinds walk
/// <see cref="BoundExpression.Children"/> instead (see <see cref="ExpressionTree"/>).
/// </summary>
/// <typeparam name="TResult">What the pass produces per node.</typeparam>
public interface IExpressionVisitor<out TResult>
{
    /// <summary>A column of the input batch.</summary>
    TResult VisitColumn(ColumnReference column);

    /// <summary>A constant.</summary>
    TResult VisitLiteral(Literal literal);

    /// <summary>A comparison.</summary>
    TResult VisitComparison(ComparisonExpression comparison);

    /// <summary>AND / OR.</summary>
    TResult VisitLogical(LogicalExpression logical);

    /// <summary>NOT.</summary>
    TResult VisitNot(NotExpression negation);

    /// <summary>IS [NOT] NULL.</summary>
    TResult VisitIsNull(IsNullExpression isNull);

    /// <summary>[NOT] IN (constants).</summary>
    TResult VisitInList(InListExpression inList);

    /// <summary>CAST.</summary>
    TResult VisitCast(CastExpression cast);

    /// <summary>A call of a registered scalar function (operators such as <c>+</c> included).</summary>
    TResult VisitFunction(FunctionExpression invocation);

    /// <summary>A searched CASE.</summary>
    TResult VisitCase(CaseExpression choice);

    /// <summary>IS [NOT] DISTINCT FROM.</summary>
    TResult VisitDistinctFrom(DistinctFromExpression comparison);
}
