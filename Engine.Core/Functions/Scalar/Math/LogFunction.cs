namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>log(x)</c>: the base-10 logarithm (as DuckDB 1.5 defines it, like <see cref="Log10Function"/>); and
/// <c>log(b, x)</c>: the logarithm of x to base b, ln(x) / ln(b). Both DOUBLE. A zero or negative base or x
/// fails the query as <see cref="LnFunction"/> describes (the base checked first), and so does base 1
/// ("division by zero in based logarithm"); NaN gives NaN.
/// </summary>
public sealed class LogFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "log";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(1, 2, "log([b, ]x)");
        return context.Count == 1 ? MathBinding.Double<Logarithm.Base10>(context, "log(x)") : MathBinding.Double<BasedLogarithm>(context);
    }

    private readonly struct BasedLogarithm : IBinaryDoubleOperation
    {
        public static double Apply(double left, double right) => double.Log(right) / double.Log(left);

        public static string? Error(double left, double right) =>
            Logarithm.Error(left) ?? (left == 1 ? "division by zero in based logarithm (base 1)" : Logarithm.Error(right));
    }
}
