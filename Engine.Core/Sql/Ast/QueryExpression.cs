using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// Something that produces rows: a <see cref="SelectStatement"/>, a <see cref="SetOperationQuery"/>
/// (UNION, INTERSECT, EXCEPT) or a <see cref="WithQuery"/> (common table expressions before a body).
/// </summary>
/// <param name="Position">Where the query starts.</param>
public abstract record QueryExpression(SourcePosition Position)
{
    /// <summary>Prints the query as SQL that parses back to an equal tree (positions aside).</summary>
    public string ToSql()
    {
        var builder = new StringBuilder();
        WriteSql(builder);
        return builder.ToString();
    }

    internal abstract void WriteSql(StringBuilder builder);

    /// <summary>Writes <c> ORDER BY … LIMIT … OFFSET …</c> when present.</summary>
    internal static void WriteOrderAndLimit(StringBuilder builder, IReadOnlyList<OrderItem> orderBy, LimitClause? limit)
    {
        if (orderBy.Count > 0)
        {
            builder.Append(" ORDER BY ");
            for (var i = 0; i < orderBy.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                orderBy[i].WriteSql(builder);
            }
        }

        if (limit is not null)
        {
            builder.Append(' ');
            limit.WriteSql(builder);
        }
    }
}
