namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>ln(x)</c>: the natural logarithm, a DOUBLE. Zero and negative x fail the query as in DuckDB 1.5
/// ("cannot take logarithm of zero" / "of a negative number"); NaN gives NaN, +Infinity +Infinity.
/// </summary>
public sealed class LnFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "ln";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => MathBinding.Double<NaturalLogarithm>(context, "ln(x)");

    private readonly struct NaturalLogarithm : IUnaryOperation<double, double>
    {
        public static double Apply(double value) => double.Log(value);

        public static string? Error(double value) => Logarithm.Error(value);
    }
}
