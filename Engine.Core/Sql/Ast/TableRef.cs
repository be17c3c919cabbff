using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// What FROM names: a catalog table (<c>FROM trades</c>) or, when <paramref name="IsPath"/> is true, a
/// file or folder queried directly (<c>FROM 'data/trades/part-0.parquet'</c>).
/// </summary>
/// <param name="Name">The table name (case preserved) or the path text (quotes removed, <c>''</c> unescaped).</param>
/// <param name="IsPath">True when the source was a string literal naming a path.</param>
/// <param name="Position">Where the table name or path literal is.</param>
public sealed record TableRef(string Name, bool IsPath, SourcePosition Position)
{
    /// <summary>Prints the reference as SQL: an identifier (quoted when it must be) or a string literal.</summary>
    public string ToSql()
    {
        var builder = new StringBuilder();
        WriteSql(builder);
        return builder.ToString();
    }

    internal void WriteSql(StringBuilder builder)
    {
        if (IsPath)
        {
            SqlFormatter.WriteString(builder, Name);
        }
        else
        {
            SqlFormatter.WriteIdentifier(builder, Name, forceQuotes: false);
        }
    }
}
