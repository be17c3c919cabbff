using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary><c>isnan(x)</c>: whether x is NaN, a BOOLEAN (false for every BIGINT; NULL for NULL), as in DuckDB 1.5.</summary>
public sealed class IsNanFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "isnan";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        MathBinding.RequireOneNumber(context, "isnan(x)");
        context.Cast(0, DataType.Double);
        return new PredicateKernel<double, IsNan>();
    }

    private readonly struct IsNan : IUnaryPredicate<double>
    {
        public static bool Test(double value) => double.IsNaN(value);
    }
}
