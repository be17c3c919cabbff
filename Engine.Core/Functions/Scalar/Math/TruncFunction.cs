namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>trunc(x)</c> and <c>trunc(x, n)</c>: x rounded toward zero, to n decimal digits (to a multiple of 10⁻ⁿ
/// for a negative n), as in DuckDB 1.5. A BIGINT stays a BIGINT (trunc(x) is x) and a DOUBLE a DOUBLE,
/// computed as trunc(x·10ⁿ)/10ⁿ: when that is not finite the answer is x (so NaN and ±Infinity stay). n is
/// an integer in INTEGER's range; a NULL x or n gives NULL.
/// </summary>
public sealed class TruncFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "trunc";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => PrecisionRounding.Bind<TowardZero, TowardZero>(context);

    private readonly struct TowardZero : IRoundingMode, IUnaryOperation<double, double>
    {
        public static string Name => "trunc";

        public static double Apply(double value) => double.Truncate(value);

        public static double NotFiniteWithNegativePrecision(double value) => value;

        public static bool TryApply(long value, long digits, out long result)
        {
            result = digits >= PrecisionRounding.PowersOfTen.Length ? 0 : value / PrecisionRounding.PowersOfTen[(int)digits] * PrecisionRounding.PowersOfTen[(int)digits];
            return true;
        }
    }
}
