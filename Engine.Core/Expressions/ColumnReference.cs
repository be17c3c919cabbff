using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// Reads column <paramref name="Index"/> of the input batch. <paramref name="Name"/> is for display only:
/// two references to the same index and type are equal whatever their names.
/// </summary>
public sealed record ColumnReference(int Index, string Name, DataType Type) : BoundExpression(Type)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [];

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this;

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitColumn(this);

    /// <summary>Equal when the index and type are.</summary>
    public bool Equals(ColumnReference? other) => other is not null && Index == other.Index && Type == other.Type;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Index, Type);

    /// <inheritdoc />
    public override string ToString() => $"#{Index}:{Name}";
}
