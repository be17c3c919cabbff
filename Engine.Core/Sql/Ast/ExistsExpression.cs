using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>[NOT] EXISTS (SELECT …)</c>: whether the subquery returns a row.</summary>
/// <param name="Query">The subquery.</param>
/// <param name="Negated">True for NOT EXISTS.</param>
/// <param name="Position">Where EXISTS (or NOT) is.</param>
public sealed record ExistsExpression(QueryExpression Query, bool Negated, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append(Negated ? "(NOT EXISTS (" : "(EXISTS (");
        Query.WriteSql(builder);
        builder.Append("))");
    }
}
