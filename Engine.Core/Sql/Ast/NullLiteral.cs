using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>The literal NULL; its type comes from where the binder finds it.</summary>
/// <param name="Position">Where the keyword is.</param>
public sealed record NullLiteral(SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder) => builder.Append("NULL");
}
