using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>The literal TRUE or FALSE.</summary>
/// <param name="Value">The value.</param>
/// <param name="Position">Where the keyword is.</param>
public sealed record BooleanLiteral(bool Value, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder) => builder.Append(Value ? "TRUE" : "FALSE");
}
