using System.Globalization;
using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// A literal with a decimal point or an exponent, such as <c>1.5</c> or <c>2e-3</c>. A minus sign written
/// directly before it is folded into the value. The value is always finite.
/// </summary>
/// <param name="Value">The value; NaN or infinity is rejected with <see cref="ArgumentOutOfRangeException"/>.</param>
/// <param name="Position">Where the literal (or its minus sign) is.</param>
public sealed record FloatLiteral(double Value, SourcePosition Position) : SqlExpression(Position)
{
    /// <summary>The value; always finite because SQL has no literal for NaN or infinity.</summary>
    public double Value { get; init; } = double.IsFinite(Value)
        ? Value
        : throw new ArgumentOutOfRangeException(nameof(Value), Value, "A float literal must be finite.");

    internal override void WriteSql(StringBuilder builder)
    {
        var text = Value.ToString("R", CultureInfo.InvariantCulture);
        builder.Append(text);
        if (text.AsSpan().IndexOfAny('.', 'E', 'e') < 0)
        {
            builder.Append(".0");
        }
    }
}
