namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary><c>log2(x)</c>: the base-2 logarithm, a DOUBLE; zero and negative x fail the query as <see cref="LnFunction"/> describes.</summary>
public sealed class Log2Function : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "log2";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => MathBinding.Double<BinaryLogarithm>(context, "log2(x)");

    private readonly struct BinaryLogarithm : IUnaryOperation<double, double>
    {
        public static double Apply(double value) => double.Log2(value);

        public static string? Error(double value) => Logarithm.Error(value);
    }
}
