namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>least(a, b, …)</c>: the smallest non-NULL argument (NULL only when all are), of the arguments' common
/// type, as in DuckDB 1.5; see <see cref="ExtremeValue"/> for the typing and the order.
/// </summary>
public sealed class LeastFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "least";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => ExtremeValue.Bind<Smallest>(context);

    private readonly struct Smallest : ExtremeValue.IPick
    {
        public static bool Prefers(int comparison) => comparison < 0;
    }
}
