namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary><c>ceil(x)</c> (also <c>ceiling</c>): the smallest whole number not below x, as a DOUBLE (DuckDB 1.5 casts a BIGINT argument to DOUBLE too); NaN and ±Infinity stay.</summary>
public sealed class CeilFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "ceil";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["ceiling"];

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        // Unlike sqrt or ln, DuckDB does not read a text constant as a number here (floor('2.5') is ambiguous there).
        MathBinding.RequireOneNumber(context, $"{context.Name}(x)");
        return MathBinding.Double<Ceiling>(context, $"{context.Name}(x)");
    }

    private readonly struct Ceiling : IUnaryOperation<double, double>
    {
        public static double Apply(double value) => double.Ceiling(value);
    }
}
