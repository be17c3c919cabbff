using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>a IS [NOT] DISTINCT FROM b</c>: comparison that treats NULL as a value (never NULL itself).</summary>
/// <param name="Left">The left value.</param>
/// <param name="Right">The right value.</param>
/// <param name="Negated">True for IS NOT DISTINCT FROM (null-safe equality).</param>
/// <param name="Position">Where the left value starts.</param>
public sealed record IsDistinctFromExpression(SqlExpression Left, SqlExpression Right, bool Negated, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append('(');
        Left.WriteSql(builder);
        builder.Append(Negated ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ");
        Right.WriteSql(builder);
        builder.Append(')');
    }
}
