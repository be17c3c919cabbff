using System.Globalization;

namespace Engine.Core.Columns;

/// <summary>
/// DOUBLE as text the way DuckDB casts it to VARCHAR: the shortest digits that read back to the same
/// value, in positional notation (with at least one decimal: <c>100.0</c>) when the decimal exponent is
/// from -4 to 15, in exponent notation otherwise (<c>1e+20</c>, <c>1.5e-07</c>); <c>nan</c>,
/// <c>inf</c>, <c>-inf</c>.
/// </summary>
public static class DoubleText
{
    /// <summary>The text of <paramref name="value"/>.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "E16" round-trips with 17 significant digits; "R" gives the shortest, which is what we want.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest[0] == '-';
        var body = negative ? shortest[1..] : shortest;
        string digits;
        int exponent;
        var e = body.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? body : body[..e];
        var explicitExponent = e < 0 ? 0 : int.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? mantissa : mantissa[..point];
        var fractionPart = point < 0 ? string.Empty : mantissa[(point + 1)..];
        digits = (integerPart + fractionPart).TrimStart('0');
        var leadingZeros = (integerPart + fractionPart).Length - digits.Length;
        digits = digits.TrimEnd('0');
        exponent = integerPart.Length - 1 - leadingZeros + explicitExponent;

        string text;
        if (exponent is >= -4 and <= 15)
        {
            if (exponent >= 0)
            {
                var whole = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
                var fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
                text = whole + "." + fraction;
            }
            else
            {
                text = "0." + new string('0', -exponent - 1) + digits;
            }
        }
        else
        {
            var mantissaText = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            text = mantissaText + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }

        return negative ? "-" + text : text;
    }
}
