using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// A column name. Unquoted names keep the spelling the user typed and should be matched
/// case-insensitively; double-quoted names (<paramref name="Quoted"/>) should be matched exactly.
/// </summary>
/// <param name="Name">The name as written, without quotes and with <c>""</c> unescaped.</param>
/// <param name="Quoted">True when the name was written in double quotes.</param>
/// <param name="Position">Where the name (or its qualifier) is.</param>
/// <param name="Table">The table or alias that qualifies the name (<c>t.price</c>), or null.</param>
public sealed record ColumnRef(string Name, bool Quoted, SourcePosition Position, string? Table = null) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        if (Table is not null)
        {
            SqlFormatter.WriteIdentifier(builder, Table, forceQuotes: false);
            builder.Append('.');
        }

        SqlFormatter.WriteIdentifier(builder, Name, Quoted);
    }
}
