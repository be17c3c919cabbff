using System.Globalization;
using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// A whole-number literal. A minus sign written directly before a number is folded into the literal,
/// so <c>-5</c> is <c>IntegerLiteral(-5)</c> and <c>-9223372036854775808</c> is representable.
/// </summary>
/// <param name="Value">The value.</param>
/// <param name="Position">Where the literal (or its minus sign) is.</param>
public sealed record IntegerLiteral(long Value, SourcePosition Position) : SqlExpression(Position)
{
    internal override void WriteSql(StringBuilder builder) => builder.Append(Value.ToString(CultureInfo.InvariantCulture));
}
