namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>greatest(a, b, …)</c>: the largest non-NULL argument (NULL only when all are), of the arguments' common
/// type, as in DuckDB 1.5; see <see cref="ExtremeValue"/> for the typing and the order.
/// </summary>
public sealed class GreatestFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "greatest";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => ExtremeValue.Bind<Largest>(context);

    private readonly struct Largest : ExtremeValue.IPick
    {
        public static bool Prefers(int comparison) => comparison > 0;
    }
}
