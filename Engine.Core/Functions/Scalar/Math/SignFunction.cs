using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>sign(x)</c>: -1, 0 or 1 as x is negative, zero or positive, as a BIGINT (DuckDB 1.5 answers a TINYINT,
/// which Engine does not have). NaN and −0 give 0, ±Infinity ±1.
/// </summary>
public sealed class SignFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "sign";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) =>
        MathBinding.RequireOneNumber(context, "sign(x)") == DataType.Int64
            ? new UnaryKernel<long, long, Int64Sign>(DataType.Int64)
            : new UnaryKernel<double, long, DoubleSign>(DataType.Int64);

    private readonly struct Int64Sign : IUnaryOperation<long, long>
    {
        public static long Apply(long value) => long.Sign(value);
    }

    private readonly struct DoubleSign : IUnaryOperation<double, long>
    {
        // Comparisons, not double.Sign, which throws for NaN.
        public static long Apply(double value) => value > 0 ? 1 : value < 0 ? -1 : 0;
    }
}
