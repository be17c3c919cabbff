using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>value IS [NOT] NULL</c>.</summary>
/// <param name="Value">The tested expression.</param>
/// <param name="Negated">True for IS NOT NULL.</param>
/// <param name="Position">Where the tested expression starts.</param>
public sealed record IsNullExpression(SqlExpression Value, bool Negated, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append('(');
        Value.WriteSql(builder);
        builder.Append(Negated ? " IS NOT NULL)" : " IS NULL)");
    }
}
