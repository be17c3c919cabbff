using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>A table, a common table expression, or a quoted path (<c>FROM 'data/trades'</c>).</summary>
/// <param name="Name">The table name (case preserved) or the path.</param>
/// <param name="IsPath">True for a quoted path.</param>
/// <param name="Position">Where the name is.</param>
/// <param name="Alias">The alias, or null.</param>
public sealed record TableRef(string Name, bool IsPath, SourcePosition Position, string? Alias = null) : FromItem(Alias, Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        if (IsPath)
        {
            SqlFormatter.WriteString(builder, Name);
        }
        else
        {
            SqlFormatter.WriteIdentifier(builder, Name, forceQuotes: false);
        }

        WriteAlias(builder);
    }
}
