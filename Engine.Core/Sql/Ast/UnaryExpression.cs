using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// <c>-operand</c> or <c>NOT operand</c>. Unary plus is dropped by the parser, and a minus directly before
/// a number literal is folded into the literal.
/// </summary>
/// <param name="Operator">The operator.</param>
/// <param name="Operand">The operand.</param>
/// <param name="Position">Where the operator is.</param>
public sealed record UnaryExpression(UnaryOperator Operator, SqlExpression Operand, SourcePosition Position)
    : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        if (Operator == UnaryOperator.Not)
        {
            builder.Append("(NOT ");
            Operand.WriteSql(builder);
            builder.Append(')');
            return;
        }

        // The inner parentheses keep the parser from folding the sign into a number literal, and keep
        // "-" and a negative literal from forming the comment "--".
        builder.Append("(-(");
        Operand.WriteSql(builder);
        builder.Append("))");
    }
}
