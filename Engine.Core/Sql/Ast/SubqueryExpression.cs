using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>(SELECT …)</c> used as a value: a scalar subquery (one column, at most one row; NULL when it has none).</summary>
/// <param name="Query">The subquery.</param>
/// <param name="Position">Where the opening parenthesis is.</param>
public sealed record SubqueryExpression(QueryExpression Query, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append('(');
        Query.WriteSql(builder);
        builder.Append(')');
    }
}
