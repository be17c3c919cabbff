using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>substring(s, start[, length])</c> (also <c>substr</c>): VARCHAR, the code points of <c>s</c> from the
/// 1-based <c>start</c>, as DuckDB 1.5 counts them: a negative start counts from the end (-1 is the last
/// character), start 0 begins one before the first character, a negative length takes the characters
/// before <c>start</c>, and the range is clipped to the string. Offsets and lengths beyond ±2³² are a
/// <see cref="QueryExecutionException"/>, as in DuckDB.
/// </summary>
public sealed class SubstringFunction : ScalarFunction
{
    private const long UpperBound = uint.MaxValue;
    private const long LowerBound = -UpperBound - 1;

    /// <inheritdoc />
    public override string Name => "substring";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["substr"];

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 2, "VARCHAR", DataType.String, DataType.Int64, DataType.Int64);
        return new TextKernel(DataType.String, context, static a =>
            ScalarValue.FromString(Substring(a[0].StringValue, a[1].Int64Value, a.Length > 2 ? a[2].Int64Value : UpperBound)));
    }

    /// <summary>The substring DuckDB's <c>substring(text, offset, length)</c> gives.</summary>
    /// <exception cref="QueryExecutionException">The offset or length is outside ±2³².</exception>
    public static string Substring(string text, long offset, long length)
    {
        CheckRange("offset", offset);
        CheckRange("length", length);
        if (length == 0)
        {
            return string.Empty;
        }

        long start, end;
        if (offset < 0)
        {
            // Counted from the end: 0-based code points [n + offset, n + offset + length), or before it for a negative length.
            var n = CodePoints.Count(text);
            (start, end) = length > 0 ? (n + offset, n + offset + length) : (n + offset + length, n + offset);
            if (end <= 0)
            {
                return string.Empty;
            }

            return CodePoints.Slice(text, Math.Max(start, 0), Math.Min(end, n));
        }

        var first = offset - 1;
        (start, end) = length > 0 ? (Math.Max(0, first), first + length) : (Math.Max(0, first + length), first);
        return end <= 0 || end <= start ? string.Empty : CodePoints.Slice(text, start, end);
    }

    private static void CheckRange(string what, long value)
    {
        if (value < LowerBound)
        {
            throw new QueryExecutionException($"Substring {what} outside of supported range (< {LowerBound})");
        }

        if (value > UpperBound)
        {
            throw new QueryExecutionException($"Substring {what} outside of supported range (> {UpperBound})");
        }
    }
}
