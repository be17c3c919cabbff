using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>Boolean negation; NOT NULL is NULL.</summary>
public sealed record NotExpression(BoundExpression Operand) : BoundExpression(DataType.Bool)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Operand];

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Operand = children[0] };

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitNot(this);

    /// <inheritdoc />
    public override string ToString() => $"(NOT {Operand})";
}
