using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>An infix operation: arithmetic, comparison, AND or OR. Chains are left-associative.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
/// <param name="Position">Where the left operand starts.</param>
public sealed record BinaryExpression(BinaryOperator Operator, SqlExpression Left, SqlExpression Right, SourcePosition Position)
    : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append('(');
        Left.WriteSql(builder);
        builder.Append(' ').Append(SqlFormatter.OperatorText(Operator)).Append(' ');
        Right.WriteSql(builder);
        builder.Append(')');
    }
}
