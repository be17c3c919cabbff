using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>x [NOT] IN (SELECT …)</c> with a one-column subquery.</summary>
/// <param name="Value">The tested value.</param>
/// <param name="Query">The subquery.</param>
/// <param name="Negated">True for NOT IN.</param>
/// <param name="Position">Where the value starts.</param>
public sealed record InSubqueryExpression(SqlExpression Value, QueryExpression Query, bool Negated, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append('(');
        Value.WriteSql(builder);
        builder.Append(Negated ? " NOT IN (" : " IN (");
        Query.WriteSql(builder);
        builder.Append("))");
    }
}
