using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>One <c>name AS (query)</c> of a WITH clause.</summary>
/// <param name="Name">The name later queries use (case preserved; matched ignoring case).</param>
/// <param name="Query">The query it names.</param>
/// <param name="Position">Where the name is.</param>
public sealed record CommonTableExpression(string Name, QueryExpression Query, SourcePosition Position)
{
    internal void WriteSql(StringBuilder builder)
    {
        SqlFormatter.WriteIdentifier(builder, Name, forceQuotes: false);
        builder.Append(" AS (");
        Query.WriteSql(builder);
        builder.Append(')');
    }
}
