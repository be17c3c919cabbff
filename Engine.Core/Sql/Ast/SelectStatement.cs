using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// <c>SELECT [DISTINCT] items [FROM from] [WHERE] [GROUP BY keys | GROUP BY ALL] [HAVING] [ORDER BY] [LIMIT] [OFFSET]</c>,
/// exactly as written; the binder decides what it means. Equality compares the lists element by element.
/// </summary>
/// <param name="Items">The select list, in order; never empty.</param>
/// <param name="From">What is queried, or null for <c>SELECT 1 + 1</c>.</param>
/// <param name="Where">The row filter, or null without WHERE.</param>
/// <param name="GroupBy">The grouping expressions, in order; empty without GROUP BY (and with GROUP BY ALL).</param>
/// <param name="Having">The group filter, or null without HAVING.</param>
/// <param name="OrderBy">The sort keys, in order; empty without ORDER BY.</param>
/// <param name="Limit">The row limit and offset, or null.</param>
/// <param name="Position">Where the SELECT keyword is.</param>
/// <param name="Distinct">True for <c>SELECT DISTINCT</c>.</param>
/// <param name="GroupByAll">True for <c>GROUP BY ALL</c>: group by every item that is not an aggregate.</param>
public sealed record SelectStatement(
    IReadOnlyList<SelectItem> Items,
    FromItem? From,
    SqlExpression? Where,
    IReadOnlyList<SqlExpression> GroupBy,
    SqlExpression? Having,
    IReadOnlyList<OrderItem> OrderBy,
    LimitClause? Limit,
    SourcePosition Position,
    bool Distinct = false,
    bool GroupByAll = false) : QueryExpression(Position)
{
    /// <summary>Compares every field, lists element by element.</summary>
    public bool Equals(SelectStatement? other) =>
        other is not null
        && Items.SequenceEqual(other.Items)
        && From == other.From
        && Equals(Where, other.Where)
        && GroupBy.SequenceEqual(other.GroupBy)
        && Equals(Having, other.Having)
        && OrderBy.SequenceEqual(other.OrderBy)
        && Limit == other.Limit
        && Position == other.Position
        && Distinct == other.Distinct
        && GroupByAll == other.GroupByAll;

    /// <summary>A hash consistent with <see cref="Equals(SelectStatement?)"/>.</summary>
    public override int GetHashCode() =>
        HashCode.Combine(Items.Count, From, Where, GroupBy.Count, Having, OrderBy.Count, Limit, HashCode.Combine(Position, Distinct, GroupByAll));

    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append(Distinct ? "SELECT DISTINCT " : "SELECT ");
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Items[i].WriteSql(builder);
        }

        if (From is not null)
        {
            builder.Append(" FROM ");
            From.WriteSql(builder);
        }

        if (Where is not null)
        {
            builder.Append(" WHERE ");
            Where.WriteSql(builder);
        }

        if (GroupByAll)
        {
            builder.Append(" GROUP BY ALL");
        }
        else if (GroupBy.Count > 0)
        {
            builder.Append(" GROUP BY ");
            SqlFormatter.WriteList(builder, GroupBy);
        }

        if (Having is not null)
        {
            builder.Append(" HAVING ");
            Having.WriteSql(builder);
        }

        WriteOrderAndLimit(builder, OrderBy, Limit);
    }
}
