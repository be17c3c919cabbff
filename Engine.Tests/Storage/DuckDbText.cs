using System.Globalization;
using System.Numerics;
using System.Text;
using Engine.Core.Columns;

namespace Engine.Tests.Storage;

/// <summary>
/// Renders and orders Engine values the way DuckDB printed them into the corpora's expected.json files,
/// driven by the DuckDB type named there (the test-side adapter between Engine types and the oracle).
/// </summary>
internal static class DuckDbText
{
    /// <summary>True when <paramref name="duckType"/> is an integer type DuckDB sums exactly.</summary>
    public static bool IsInteger(string duckType) => duckType is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT";

    /// <summary>True for FLOAT and DOUBLE.</summary>
    public static bool IsFloating(string duckType) => duckType is "FLOAT" or "DOUBLE";

    /// <summary>The scale of a DECIMAL(p,s) type, or -1.</summary>
    public static int DecimalScale(string duckType)
    {
        if (!duckType.StartsWith("DECIMAL(", StringComparison.Ordinal))
        {
            return -1;
        }

        var comma = duckType.IndexOf(',', StringComparison.Ordinal);
        return int.Parse(duckType[(comma + 1)..^1], CultureInfo.InvariantCulture);
    }

    /// <summary>Whether <paramref name="actual"/> equals DuckDB's text <paramref name="expected"/> (null = SQL NULL).</summary>
    public static bool Matches(string? expected, ScalarValue actual, string duckType, out string rendered)
    {
        rendered = Render(actual, duckType);
        if (expected is null || actual.IsNull)
        {
            return expected is null && actual.IsNull;
        }

        if (IsFloating(duckType))
        {
            var e = ParseDouble(expected);
            var a = actual.DoubleValue;
            if (duckType == "FLOAT")
            {
                e = (float)e;
                a = (float)a;
            }

            return double.IsNaN(e) ? double.IsNaN(a) && double.IsNegative(e) == double.IsNegative(a) : e == a;
        }

        if (DecimalScale(duckType) >= 0 && actual.Type == DataType.Double)
        {
            var e = double.Parse(expected, CultureInfo.InvariantCulture);
            return Math.Abs(e - actual.DoubleValue) <= 1e-12 * Math.Max(1, Math.Abs(e));
        }

        return string.Equals(expected, rendered, StringComparison.Ordinal);
    }

    /// <summary>DuckDB's text for <paramref name="value"/> as a <paramref name="duckType"/>.</summary>
    public static string Render(ScalarValue value, string duckType)
    {
        if (value.IsNull)
        {
            return "NULL";
        }

        return duckType switch
        {
            "BOOLEAN" => value.BoolValue ? "true" : "false",
            "FLOAT" => ((float)value.DoubleValue).ToString("R", CultureInfo.InvariantCulture),
            "DOUBLE" => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
            "DATE" => FormatTimestamp(value.Int64Value)[..10],
            "TIMESTAMP" => FormatTimestamp(value.Int64Value),
            "TIMESTAMP WITH TIME ZONE" => FormatTimestamp(value.Int64Value) + "+00",
            "TIME WITH TIME ZONE" => FormatTimestamp(value.Int64Value)[11..] + "+00",
            "TIME" => FormatTimestamp(value.Int64Value)[11..],
            _ when DecimalScale(duckType) >= 0 && value.Type == DataType.Double =>
                value.DoubleValue.ToString("F" + DecimalScale(duckType).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    /// <summary>DuckDB's ordering of two non-NULL values of <paramref name="duckType"/>.</summary>
    public static int Compare(ScalarValue a, ScalarValue b, string duckType)
    {
        if (a.Type == DataType.Double)
        {
            var x = a.DoubleValue;
            var y = b.DoubleValue;
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return double.IsNaN(x).CompareTo(double.IsNaN(y));
            }

            return x.CompareTo(y);
        }

        if (a.Type == DataType.String)
        {
            if (DecimalScale(duckType) >= 0)
            {
                return ParseUnscaled(a.StringValue).CompareTo(ParseUnscaled(b.StringValue));
            }

            var left = duckType == "BLOB" ? Unescape(a.StringValue) : Encoding.UTF8.GetBytes(a.StringValue);
            var right = duckType == "BLOB" ? Unescape(b.StringValue) : Encoding.UTF8.GetBytes(b.StringValue);
            return left.AsSpan().SequenceCompareTo(right);
        }

        return a.CompareTo(b);
    }

    /// <summary>A decimal's text without its point, as an integer (all values of a column share the scale).</summary>
    public static BigInteger ParseUnscaled(string text) => BigInteger.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>Parses DuckDB's text for a double (nan, -nan, inf, -inf included).</summary>
    public static double ParseDouble(string text) => text switch
    {
        "nan" => BitConverter.Int64BitsToDouble(0x7FF8000000000000),
        "-nan" => BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8000000000000)),
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    /// <summary>The bytes behind DuckDB's BLOB text (\xHH escapes decoded).</summary>
    public static byte[] Unescape(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }

    private static string FormatTimestamp(long micros)
    {
        var time = TimestampMicros.ToDateTime(micros);
        var text = time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = micros % 1_000_000;
        if (fraction < 0)
        {
            fraction += 1_000_000;
        }

        return fraction == 0 ? text : text + "." + fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
    }
}
