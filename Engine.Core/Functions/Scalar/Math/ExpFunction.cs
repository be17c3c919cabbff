namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary><c>exp(x)</c>: e to the power x, a DOUBLE; it overflows to +Infinity (exp(710)) and underflows to 0, never failing.</summary>
public sealed class ExpFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "exp";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => MathBinding.Double<Exponential>(context, "exp(x)");

    private readonly struct Exponential : IUnaryOperation<double, double>
    {
        public static double Apply(double value) => double.Exp(value);
    }
}
