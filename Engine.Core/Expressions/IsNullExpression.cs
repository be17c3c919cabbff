using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>IS NULL (or IS NOT NULL when <paramref name="Negated"/>); never NULL itself.</summary>
public sealed record IsNullExpression(BoundExpression Operand, bool Negated) : BoundExpression(DataType.Bool)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Operand];

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Operand = children[0] };

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitIsNull(this);

    /// <inheritdoc />
    public override string ToString() => $"({Operand} IS {(Negated ? "NOT " : string.Empty)}NULL)";
}
