using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// <c>left UNION|INTERSECT|EXCEPT [ALL] right [ORDER BY …] [LIMIT …]</c>. The ORDER BY and LIMIT apply to
/// the combined rows and name their columns by the left side's output names or by position.
/// </summary>
/// <param name="Operator">The set operation.</param>
/// <param name="All">True to keep duplicates (<c>UNION ALL</c>).</param>
/// <param name="Left">The left query.</param>
/// <param name="Right">The right query.</param>
/// <param name="OrderBy">The order of the combined rows; empty for none.</param>
/// <param name="Limit">LIMIT and OFFSET of the combined rows, or null.</param>
/// <param name="Position">Where the left query starts.</param>
public sealed record SetOperationQuery(
    SetOperator Operator, bool All, QueryExpression Left, QueryExpression Right, IReadOnlyList<OrderItem> OrderBy, LimitClause? Limit, SourcePosition Position)
    : QueryExpression(Position)
{
    /// <summary>Compares every field, the order element by element.</summary>
    public bool Equals(SetOperationQuery? other) =>
        other is not null && base.Equals(other) && Operator == other.Operator && All == other.All && Left == other.Left && Right == other.Right
        && OrderBy.SequenceEqual(other.OrderBy) && Limit == other.Limit;

    /// <summary>A hash consistent with <see cref="Equals(SetOperationQuery?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Operator, All, Left, Right, OrderBy.Count, Limit);

    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append('(');
        Left.WriteSql(builder);
        builder.Append(") ").Append(Operator.ToString().ToUpperInvariant()).Append(All ? " ALL (" : " (");
        Right.WriteSql(builder);
        builder.Append(')');
        WriteOrderAndLimit(builder, OrderBy, Limit);
    }
}
