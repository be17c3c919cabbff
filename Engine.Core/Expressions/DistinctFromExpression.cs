using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// <c>left IS [NOT] DISTINCT FROM right</c>: a comparison in which NULL is a value, equal to NULL and
/// distinct from everything else; never NULL itself.
/// </summary>
/// <param name="Left">The left value.</param>
/// <param name="Right">The right value, of a type comparable with the left.</param>
/// <param name="Negated">True for IS NOT DISTINCT FROM (null-safe equality).</param>
public sealed record DistinctFromExpression(BoundExpression Left, BoundExpression Right, bool Negated) : BoundExpression(DataType.Bool)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Left, Right];

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Left = children[0], Right = children[1] };

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitDistinctFrom(this);

    /// <inheritdoc />
    public override string ToString() => $"({Left} IS {(Negated ? "NOT " : string.Empty)}DISTINCT FROM {Right})";
}
