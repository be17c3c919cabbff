using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// A type-checked expression over the columns of a batch. Plain data (no delegates), so it travels inside
/// a query fragment to other processes. Equality is structural: two expressions are equal when they are
/// the same kind of node with equal fields and equal children, which the binder uses to match GROUP BY
/// keys, aggregates and ORDER BY items. <see cref="ToString"/> is for display (EXPLAIN, errors).
/// </summary>
/// <param name="Type">The result type.</param>
public abstract record BoundExpression(DataType Type)
{
    /// <summary>The sub-expressions, in order, for walks over the tree.</summary>
    public abstract IReadOnlyList<BoundExpression> Children { get; }

    /// <summary>This node with its children replaced (same count and order as <see cref="Children"/>).</summary>
    public abstract BoundExpression WithChildren(IReadOnlyList<BoundExpression> children);

    /// <summary>Calls the method of <paramref name="visitor"/> for this kind of node.</summary>
    public abstract TResult Accept<TResult>(IExpressionVisitor<TResult> visitor);

    /// <summary>The display text of the expression.</summary>
    public abstract override string ToString();
}
