using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>abs(x)</c>: the absolute value, of x's type as in DuckDB 1.5. A BIGINT stays a BIGINT and
/// <c>abs(-9223372036854775808)</c> fails (its absolute value does not fit); a DOUBLE stays a DOUBLE
/// (NaN stays NaN, −Infinity becomes +Infinity, −0 becomes 0).
/// </summary>
public sealed class AbsFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "abs";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) =>
        MathBinding.RequireOneNumber(context, "abs(x)") == DataType.Int64
            ? new UnaryKernel<long, long, Int64Abs>(DataType.Int64)
            : new UnaryKernel<double, double, DoubleAbs>(DataType.Double);

    private readonly struct Int64Abs : IUnaryOperation<long, long>
    {
        public static long Apply(long value) => value < 0 ? unchecked(-value) : value;

        public static string? Error(long value) => value == long.MinValue ? "Overflow on abs(-9223372036854775808)." : null;
    }

    private readonly struct DoubleAbs : IUnaryOperation<double, double>
    {
        public static double Apply(double value) => double.Abs(value);
    }
}
