using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>Converts a BIGINT to DOUBLE (the only implicit cast the binder inserts).</summary>
public sealed record CastExpression(BoundExpression Operand, DataType Type) : BoundExpression(Type)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Operand];

    /// <inheritdoc />
    public override string ToString() => $"CAST({Operand} AS {Type.SqlName()})";
}
