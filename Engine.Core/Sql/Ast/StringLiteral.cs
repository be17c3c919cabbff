using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>A string literal in single quotes; <c>''</c> inside stands for one quote.</summary>
/// <param name="Value">The text without the quotes and with <c>''</c> unescaped.</param>
/// <param name="Position">Where the opening quote is.</param>
public sealed record StringLiteral(string Value, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder) => SqlFormatter.WriteString(builder, Value);
}
