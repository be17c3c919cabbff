using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>Converts <paramref name="Operand"/> to <paramref name="Type"/> (today only BIGINT to DOUBLE, which the binder inserts).</summary>
public sealed record CastExpression(BoundExpression Operand, DataType Type) : BoundExpression(Type)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Operand];

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Operand = children[0] };

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitCast(this);

    /// <inheritdoc />
    public override string ToString() => $"CAST({Operand} AS {Type.SqlName()})";
}
