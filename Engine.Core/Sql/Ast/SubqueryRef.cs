using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>FROM (query) [AS] alias</c>: a derived table.</summary>
/// <param name="Query">The query whose rows are read.</param>
/// <param name="Alias">The alias, or null.</param>
/// <param name="Position">Where the opening parenthesis is.</param>
public sealed record SubqueryRef(QueryExpression Query, string? Alias, SourcePosition Position) : FromItem(Alias, Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append('(');
        Query.WriteSql(builder);
        builder.Append(')');
        WriteAlias(builder);
    }
}
