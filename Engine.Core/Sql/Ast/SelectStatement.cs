using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// <c>SELECT items FROM table [WHERE] [GROUP BY] [HAVING] [ORDER BY] [LIMIT]</c>, exactly as written;
/// the binder decides what it means. Equality compares the lists element by element.
/// </summary>
/// <param name="Items">The select list, in order; never empty.</param>
/// <param name="From">The table or path queried.</param>
/// <param name="Where">The row filter, or null without WHERE.</param>
/// <param name="GroupBy">The grouping expressions, in order; empty without GROUP BY.</param>
/// <param name="Having">The group filter, or null without HAVING.</param>
/// <param name="OrderBy">The sort keys, in order; empty without ORDER BY.</param>
/// <param name="Limit">The row limit, or null without LIMIT.</param>
/// <param name="Position">Where the SELECT keyword is.</param>
public sealed record SelectStatement(
    IReadOnlyList<SelectItem> Items,
    TableRef From,
    SqlExpression? Where,
    IReadOnlyList<SqlExpression> GroupBy,
    SqlExpression? Having,
    IReadOnlyList<OrderItem> OrderBy,
    LimitClause? Limit,
    SourcePosition Position)
{
    /// <summary>Prints the query as SQL that parses back to an equal tree (positions aside).</summary>
    public string ToSql()
    {
        var builder = new StringBuilder();
        WriteSql(builder);
        return builder.ToString();
    }

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
        && Position == other.Position;

    /// <summary>A hash consistent with <see cref="Equals(SelectStatement?)"/>.</summary>
    public override int GetHashCode() =>
        HashCode.Combine(Items.Count, From, Where, GroupBy.Count, Having, OrderBy.Count, Limit, Position);

    internal void WriteSql(StringBuilder builder)
    {
        builder.Append("SELECT ");
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Items[i].WriteSql(builder);
        }

        builder.Append(" FROM ");
        From.WriteSql(builder);
        if (Where is not null)
        {
            builder.Append(" WHERE ");
            Where.WriteSql(builder);
        }

        if (GroupBy.Count > 0)
        {
            builder.Append(" GROUP BY ");
            SqlFormatter.WriteList(builder, GroupBy);
        }

        if (Having is not null)
        {
            builder.Append(" HAVING ");
            Having.WriteSql(builder);
        }

        if (OrderBy.Count > 0)
        {
            builder.Append(" ORDER BY ");
            for (var i = 0; i < OrderBy.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                OrderBy[i].WriteSql(builder);
            }
        }

        if (Limit is not null)
        {
            builder.Append(' ');
            Limit.WriteSql(builder);
        }
    }
}
