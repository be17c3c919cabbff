using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// A typed literal <c>TIMESTAMP '2024-01-01 00:00:00'</c>. The parser keeps the text as written; the
/// binder converts it and reports text that is not a timestamp.
/// </summary>
/// <param name="Text">The text inside the quotes, with <c>''</c> unescaped.</param>
/// <param name="Position">Where the TIMESTAMP keyword is.</param>
public sealed record TimestampLiteral(string Text, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append("TIMESTAMP ");
        SqlFormatter.WriteString(builder, Text);
    }
}
