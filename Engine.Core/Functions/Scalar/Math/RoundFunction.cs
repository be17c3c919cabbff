namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>round(x)</c> and <c>round(x, n)</c>: x rounded half away from zero, to n decimal digits (to a multiple
/// of 10⁻ⁿ for a negative n), as in DuckDB 1.5. A BIGINT stays a BIGINT (round(x) is x; a result beyond
/// BIGINT fails) and a DOUBLE a DOUBLE, computed as round(x·10ⁿ)/10ⁿ: when that is not finite the answer is
/// x for n ≥ 0 and 0 for a negative n (so round(NaN, -1) is 0, as DuckDB answers). n is an integer in
/// INTEGER's range; a NULL x or n gives NULL.
/// </summary>
public sealed class RoundFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "round";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => PrecisionRounding.Bind<HalfAwayFromZero, HalfAwayFromZero>(context);

    private readonly struct HalfAwayFromZero : IRoundingMode, IUnaryOperation<double, double>
    {
        public static string Name => "round";

        public static double Apply(double value) => double.Round(value, MidpointRounding.AwayFromZero);

        public static double NotFiniteWithNegativePrecision(double value) => 0;

        public static bool TryApply(long value, long digits, out long result)
        {
            result = 0;
            if (digits >= PrecisionRounding.PowersOfTen.Length)
            {
                // 10^digits is beyond BIGINT: the result is 0, or ±10¹⁹ (which does not fit) from |x| ≥ 5·10¹⁸.
                return digits > PrecisionRounding.PowersOfTen.Length || (value > -5_000_000_000_000_000_000 && value < 5_000_000_000_000_000_000);
            }

            var power = PrecisionRounding.PowersOfTen[(int)digits];
            var quotient = value / power;
            var remainder = value % power;
            if (long.Abs(remainder) >= power - long.Abs(remainder))
            {
                quotient += long.Sign(value);
            }

            if (quotient > long.MaxValue / power || quotient < long.MinValue / power)
            {
                return false;
            }

            result = quotient * power;
            return true;
        }
    }
}
