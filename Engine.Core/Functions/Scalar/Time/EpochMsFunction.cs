using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>epoch_ms(ts)</c>: milliseconds since 1970 as a BIGINT (truncated toward zero, as in DuckDB), also of an
/// INTERVAL; and the inverse <c>epoch_ms(BIGINT)</c>: the TIMESTAMP that many milliseconds after 1970
/// (an error when it is outside the TIMESTAMP range). NULL for NULL.
/// </summary>
public sealed class EpochMsFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "epoch_ms";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(1, 1, "epoch_ms(ts)");
        var type = context.TypeOf(0);
        if (type == DataType.Int64)
        {
            return new Int64ConversionKernel<MillisToTimestamp>(DataType.Timestamp);
        }

        if (type != DataType.Interval)
        {
            TimeBinding.RequireTimestamp(context, 0, "epoch_ms(ts)");
        }

        return new Int64ConversionKernel<MicrosToMillis>(DataType.Int64);
    }

    private readonly struct MicrosToMillis : IInt64Conversion
    {
        public static bool TryConvert(long value, out long result)
        {
            result = value / 1000;
            return true;
        }

        public static string OutOfRange(long value) => string.Empty;
    }

    private readonly struct MillisToTimestamp : IInt64Conversion
    {
        public static bool TryConvert(long value, out long result)
        {
            var micros = Math.BigMul(value, 1000L, out result);
            return micros == (result >> 63);
        }

        public static string OutOfRange(long value) => $"epoch_ms({value}) is outside the TIMESTAMP range.";
    }
}
