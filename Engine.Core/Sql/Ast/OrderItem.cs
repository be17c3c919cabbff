using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>One ORDER BY key: <c>expression [ASC|DESC] [NULLS FIRST|LAST]</c>.</summary>
/// <param name="Expression">The sort key.</param>
/// <param name="Descending">True for DESC; false for ASC or no direction.</param>
/// <param name="NullsFirst">True for NULLS FIRST, false for NULLS LAST, null when not written (the binder picks the default).</param>
/// <param name="Position">Where the sort key starts.</param>
public sealed record OrderItem(SqlExpression Expression, bool Descending, bool? NullsFirst, SourcePosition Position)
{
    /// <summary>Prints the key as SQL, with ASC/DESC and NULLS only as written.</summary>
    public string ToSql()
    {
        var builder = new StringBuilder();
        WriteSql(builder);
        return builder.ToString();
    }

    internal void WriteSql(StringBuilder builder)
    {
        Expression.WriteSql(builder);
        if (Descending)
        {
            builder.Append(" DESC");
        }

        if (NullsFirst is bool first)
        {
            builder.Append(first ? " NULLS FIRST" : " NULLS LAST");
        }
    }
}
