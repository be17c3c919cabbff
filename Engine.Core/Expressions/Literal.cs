using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>A constant value (possibly a typed NULL).</summary>
public sealed record Literal(ScalarValue Value) : BoundExpression(Value.Type)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [];

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this;

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitLiteral(this);

    /// <inheritdoc />
    public override string ToString() => Value.IsNull
        ? $"NULL::{Type.SqlName()}"
        : Type == DataType.String ? $"'{Value.StringValue.Replace("'", "''", StringComparison.Ordinal)}'" : $"{Value}::{Type.SqlName()}";
}
