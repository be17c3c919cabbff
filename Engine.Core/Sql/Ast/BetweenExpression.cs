using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>value [NOT] BETWEEN low AND high</c>, both bounds inclusive.</summary>
/// <param name="Value">The tested expression.</param>
/// <param name="Low">The lower bound.</param>
/// <param name="High">The upper bound.</param>
/// <param name="Negated">True for NOT BETWEEN.</param>
/// <param name="Position">Where the tested expression starts.</param>
public sealed record BetweenExpression(SqlExpression Value, SqlExpression Low, SqlExpression High, bool Negated, SourcePosition Position)
    : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append('(');
        Value.WriteSql(builder);
        builder.Append(Negated ? " NOT BETWEEN " : " BETWEEN ");
        Low.WriteSql(builder);
        builder.Append(" AND ");
        High.WriteSql(builder);
        builder.Append(')');
    }
}
