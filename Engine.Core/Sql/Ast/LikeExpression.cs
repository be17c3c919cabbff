using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>x [NOT] LIKE|ILIKE pattern [ESCAPE e]</c>.</summary>
/// <param name="Value">The matched string.</param>
/// <param name="Pattern">The pattern (<c>%</c> any run, <c>_</c> one character).</param>
/// <param name="Escape">The escape character, or null.</param>
/// <param name="CaseInsensitive">True for ILIKE.</param>
/// <param name="Negated">True for NOT LIKE / NOT ILIKE.</param>
/// <param name="Position">Where the value starts.</param>
public sealed record LikeExpression(SqlExpression Value, SqlExpression Pattern, SqlExpression? Escape, bool CaseInsensitive, bool Negated, SourcePosition Position)
    : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append('(');
        Value.WriteSql(builder);
        builder.Append(Negated ? " NOT" : string.Empty).Append(CaseInsensitive ? " ILIKE " : " LIKE ");
        Pattern.WriteSql(builder);
        if (Escape is not null)
        {
            builder.Append(" ESCAPE ");
            Escape.WriteSql(builder);
        }

        builder.Append(')');
    }
}
