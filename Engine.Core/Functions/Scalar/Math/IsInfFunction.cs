using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>isinf(x)</c>: whether x is +Infinity or −Infinity, a BOOLEAN (false for every BIGINT; NULL for NULL), as
/// in DuckDB 1.5; for a TIMESTAMP, whether it is DuckDB's <c>infinity</c> or <c>-infinity</c> (±(2⁶³ − 1) µs).
/// </summary>
public sealed class IsInfFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "isinf";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(1, 1, "isinf(x)");
        if (context.TypeOf(0) == DataType.Timestamp)
        {
            return new PredicateKernel<long, InfiniteTimestamp>();
        }

        MathBinding.RequireNumber(context, 0);
        context.Cast(0, DataType.Double);
        return new PredicateKernel<double, Infinite>();
    }

    private readonly struct Infinite : IUnaryPredicate<double>
    {
        public static bool Test(double value) => double.IsInfinity(value);
    }

    private readonly struct InfiniteTimestamp : IUnaryPredicate<long>
    {
        public static bool Test(long value) => value is long.MaxValue or -long.MaxValue;
    }
}
