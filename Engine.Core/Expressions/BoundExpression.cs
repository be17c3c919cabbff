using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// A type-checked expression over the columns of a batch. Plain data (no delegates), so it travels inside
/// a query fragment to other processes. <see cref="ToString"/> is canonical: two expressions that print
/// the same compute the same thing, which the binder uses to match GROUP BY keys and aggregates.
/// </summary>
/// <param name="Type">The result type.</param>
public abstract record BoundExpression(DataType Type)
{
    /// <summary>The sub-expressions, for walks over the tree.</summary>
    public abstract IReadOnlyList<BoundExpression> Children { get; }

    /// <summary>The canonical text of the expression.</summary>
    public abstract override string ToString();
}
