using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// <paramref name="Operand"/> [NOT] IN (constants). The constants are already coerced to the operand's
/// type. SQL semantics: NULL when the operand is NULL, or when there is no match and the list holds a NULL.
/// </summary>
public sealed record InListExpression(BoundExpression Operand, IReadOnlyList<ScalarValue> Values, bool Negated)
    : BoundExpression(DataType.Bool)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Operand];

    /// <inheritdoc />
    public override string ToString() =>
        $"({Operand} {(Negated ? "NOT " : string.Empty)}IN ({string.Join(", ", Values.Select(v => new Literal(v).ToString()))}))";
}
