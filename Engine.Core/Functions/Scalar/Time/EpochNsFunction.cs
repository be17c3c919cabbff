using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>epoch_ns(ts)</c>: nanoseconds since 1970 as a BIGINT, also of an INTERVAL; an error for a time whose
/// nanoseconds do not fit in 64 bits (before 1677 or after 2262), as in DuckDB. NULL for NULL.
/// </summary>
public sealed class EpochNsFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "epoch_ns";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(1, 1, "epoch_ns(ts)");
        if (context.TypeOf(0) != DataType.Interval)
        {
            TimeBinding.RequireTimestamp(context, 0, "epoch_ns(ts)");
        }

        return new Int64ConversionKernel<MicrosToNanos>(DataType.Int64);
    }

    private readonly struct MicrosToNanos : IInt64Conversion
    {
        public static bool TryConvert(long value, out long result)
        {
            var high = Math.BigMul(value, 1000L, out result);
            return high == (result >> 63);
        }

        public static string OutOfRange(long value) => $"epoch_ns of {value}us since 1970 does not fit in a BIGINT of nanoseconds (only years 1677 to 2262 do).";
    }
}
