namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>sqrt(x)</c>: the square root, a DOUBLE. A negative x (−Infinity too) fails the query as in DuckDB 1.5
/// ("cannot take square root of a negative number"); −0 gives 0, NaN NaN, +Infinity +Infinity.
/// </summary>
public sealed class SqrtFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "sqrt";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => MathBinding.Double<SquareRoot>(context, "sqrt(x)");

    private readonly struct SquareRoot : IUnaryOperation<double, double>
    {
        public static double Apply(double value) => double.Sqrt(value);

        public static string? Error(double value) => value < 0 ? "cannot take square root of a negative number" : null;
    }
}
