using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>AND / OR of two BOOLEAN expressions with three-valued logic.</summary>
public sealed record LogicalExpression(LogicalOperator Operator, BoundExpression Left, BoundExpression Right)
    : BoundExpression(DataType.Bool)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Left, Right];

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) =>
        this with { Left = children[0], Right = children[1] };

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitLogical(this);

    /// <inheritdoc />
    public override string ToString() => $"({Left} {(Operator == LogicalOperator.And ? "AND" : "OR")} {Right})";
}
