using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// Converts <paramref name="Operand"/> to <paramref name="Type"/> with DuckDB's rules (see
/// <see cref="Execution.Kernels.CastKernel"/>); a value that does not convert is an error, or NULL when
/// <paramref name="Try"/> is set (TRY_CAST).
/// </summary>
/// <param name="Operand">The converted value.</param>
/// <param name="Type">The target type.</param>
/// <param name="Try">True for TRY_CAST.</param>
public sealed record CastExpression(BoundExpression Operand, DataType Type, bool Try = false) : BoundExpression(Type)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Operand];

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Operand = children[0] };

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitCast(this);

    /// <inheritdoc />
    public override string ToString() => $"{(Try ? "TRY_CAST" : "CAST")}({Operand} AS {Type.SqlName()})";
}
