using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>What a FROM clause reads: a <see cref="TableRef"/> (a table, CTE or path) or a <see cref="SubqueryRef"/>.</summary>
/// <param name="Alias">The name the query gives it (<c>FROM t AS x</c>), or null.</param>
/// <param name="Position">Where it starts.</param>
public abstract record FromItem(string? Alias, SourcePosition Position)
{
    /// <summary>Prints the item as SQL.</summary>
    public string ToSql()
    {
        var builder = new StringBuilder();
        WriteSql(builder);
        return builder.ToString();
    }

    internal abstract void WriteSql(StringBuilder builder);

    /// <summary>Writes <c> AS alias</c> when there is one.</summary>
    internal void WriteAlias(StringBuilder builder)
    {
        if (Alias is not null)
        {
            builder.Append(" AS ");
            SqlFormatter.WriteIdentifier(builder, Alias, forceQuotes: false);
        }
    }
}
