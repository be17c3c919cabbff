using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// A column name. Unquoted names keep the spelling the user typed and should be matched
/// case-insensitively; double-quoted names (<paramref name="Quoted"/>) should be matched exactly.
/// </summary>
/// <param name="Name">The name as written, without quotes and with <c>""</c> unescaped.</param>
/// <param name="Quoted">True when the name was written in double quotes.</param>
/// <param name="Position">Where the name is.</param>
public sealed record ColumnRef(string Name, bool Quoted, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder) => SqlFormatter.WriteIdentifier(builder, Name, Quoted);
}
