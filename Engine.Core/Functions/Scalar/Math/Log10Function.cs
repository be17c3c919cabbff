namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary><c>log10(x)</c>: the base-10 logarithm, a DOUBLE; zero and negative x fail the query as <see cref="LnFunction"/> describes.</summary>
public sealed class Log10Function : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "log10";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => MathBinding.Double<Logarithm.Base10>(context, "log10(x)");
}
