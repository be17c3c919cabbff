namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>power(x, y)</c> (also <c>pow</c>): x to the power y, a DOUBLE for BIGINT arguments too, in IEEE 754
/// arithmetic as in DuckDB 1.5: power(0, -1) is +Infinity, power(-8, 0.5) NaN, power(NaN, 0) 1; it never fails.
/// </summary>
public sealed class PowerFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "power";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["pow"];

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(2, 2, $"{context.Name}(x, y)");
        return MathBinding.Double<Power>(context);
    }

    private readonly struct Power : IBinaryDoubleOperation
    {
        public static double Apply(double left, double right) => double.Pow(left, right);
    }
}
