using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>CAST(x AS type)</c>, <c>x::type</c> or <c>TRY_CAST(x AS type)</c> (NULL instead of an error when a value does not convert).</summary>
/// <param name="Operand">The converted value.</param>
/// <param name="Type">The target type.</param>
/// <param name="Try">True for TRY_CAST.</param>
/// <param name="Position">Where CAST, TRY_CAST or the operand of <c>::</c> starts.</param>
public sealed record CastExpression(SqlExpression Operand, SqlTypeName Type, bool Try, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append(Try ? "TRY_CAST(" : "CAST(");
        Operand.WriteSql(builder);
        builder.Append(" AS ").Append(Type).Append(')');
    }
}
