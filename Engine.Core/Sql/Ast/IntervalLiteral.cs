using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// A typed literal <c>INTERVAL '1 minute'</c>. The parser keeps the text as written; the binder converts
/// it with <see cref="IntervalParser"/>.
/// </summary>
/// <param name="Text">The text inside the quotes, with <c>''</c> unescaped.</param>
/// <param name="Position">Where the INTERVAL keyword is.</param>
public sealed record IntervalLiteral(string Text, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append("INTERVAL ");
        SqlFormatter.WriteString(builder, Text);
    }
}
