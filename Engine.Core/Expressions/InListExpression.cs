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
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Operand = children[0] };

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitInList(this);

    /// <summary>Equal when the operand, the values (in order) and the negation are.</summary>
    public bool Equals(InListExpression? other) =>
        other is not null && Negated == other.Negated && Operand.Equals(other.Operand) && Values.SequenceEqual(other.Values);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Operand, Values.Count, Negated);

    /// <inheritdoc />
    public override string ToString() =>
        $"({Operand} {(Negated ? "NOT " : string.Empty)}IN ({string.Join(", ", Values.Select(v => new Literal(v).ToString()))}))";
}
