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
        // The space after '-' keeps "- -5" from becoming the comment "--5".
        builder.Append(Operator == UnaryOperator.Not ? "(NOT " : "(- ");
        Operand.WriteSql(builder);
        builder.Append(')');
    }
}
