using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>Arithmetic negation of a number.</summary>
public sealed record NegateExpression(BoundExpression Operand) : BoundExpression(Operand.Type)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Operand];

    /// <inheritdoc />
    public override string ToString() => $"(-{Operand})";
}
