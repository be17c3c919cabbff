using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>Reads column <paramref name="Index"/> of the input batch; <paramref name="Name"/> is for display.</summary>
public sealed record ColumnReference(int Index, string Name, DataType Type) : BoundExpression(Type)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [];

    /// <inheritdoc />
    public override string ToString() => $"#{Index}:{Name}";
}
