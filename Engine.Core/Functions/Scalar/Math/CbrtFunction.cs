namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary><c>cbrt(x)</c>: the cube root, a DOUBLE, defined for negative x too (cbrt(-8) is -2); NaN and ±Infinity stay.</summary>
public sealed class CbrtFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "cbrt";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => MathBinding.Double<CubeRoot>(context, "cbrt(x)");

    private readonly struct CubeRoot : IUnaryOperation<double, double>
    {
        public static double Apply(double value) => double.Cbrt(value);
    }
}
