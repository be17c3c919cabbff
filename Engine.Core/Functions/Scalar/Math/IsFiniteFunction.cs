using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>isfinite(x)</c>: whether x is neither NaN nor ±Infinity, a BOOLEAN (true for every BIGINT; NULL for
/// NULL), as in DuckDB 1.5; for a TIMESTAMP, whether it is not DuckDB's <c>infinity</c> or <c>-infinity</c>.
/// </summary>
public sealed class IsFiniteFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "isfinite";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(1, 1, "isfinite(x)");
        if (context.TypeOf(0) == DataType.Timestamp)
        {
            return new PredicateKernel<long, FiniteTimestamp>();
        }

        MathBinding.RequireNumber(context, 0);
        context.Cast(0, DataType.Double);
        return new PredicateKernel<double, Finite>();
    }

    private readonly struct Finite : IUnaryPredicate<double>
    {
        public static bool Test(double value) => double.IsFinite(value);
    }

    private readonly struct FiniteTimestamp : IUnaryPredicate<long>
    {
        public static bool Test(long value) => value is not (long.MaxValue or -long.MaxValue);
    }
}
