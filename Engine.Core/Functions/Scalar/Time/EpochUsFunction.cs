using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>epoch_us(ts)</c>: microseconds since 1970 as a BIGINT (Engine's own representation), also of an INTERVAL. NULL for NULL.</summary>
public sealed class EpochUsFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "epoch_us";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(1, 1, "epoch_us(ts)");
        if (context.TypeOf(0) != DataType.Interval)
        {
            TimeBinding.RequireTimestamp(context, 0, "epoch_us(ts)");
        }

        return new Int64ConversionKernel<Identity>(DataType.Int64);
    }

    private readonly struct Identity : IInt64Conversion
    {
        public static bool TryConvert(long value, out long result)
        {
            result = value;
            return true;
        }

        public static string OutOfRange(long value) => string.Empty;
    }
}
