using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>epoch(ts)</c>: seconds since 1970-01-01 00:00:00 UTC with the fraction, a DOUBLE (negative before
/// 1970); <c>epoch(interval)</c>: the interval's length in seconds. NULL for NULL.
/// </summary>
public sealed class EpochFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "epoch";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(1, 1, "epoch(ts)");
        if (context.TypeOf(0) != DataType.Interval)
        {
            TimeBinding.RequireTimestamp(context, 0, "epoch(ts)");
        }

        return new DatePartKernel(DatePart.Epoch, 0);
    }
}
