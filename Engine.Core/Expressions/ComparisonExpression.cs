using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// Compares two values of comparable types (numbers with numbers, timestamps with timestamps, strings
/// with strings ordinally, booleans with booleans); BOOLEAN result, NULL when either side is NULL.
/// </summary>
public sealed record ComparisonExpression(ComparisonOperator Operator, BoundExpression Left, BoundExpression Right)
    : BoundExpression(DataType.Bool)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Left, Right];

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) =>
        this with { Left = children[0], Right = children[1] };

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitComparison(this);

    /// <inheritdoc />
    public override string ToString() => $"({Left} {Operator.Symbol()} {Right})";
}
