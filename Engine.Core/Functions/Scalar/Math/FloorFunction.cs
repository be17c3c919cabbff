namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary><c>floor(x)</c>: the largest whole number not above x, as a DOUBLE (DuckDB 1.5 casts a BIGINT argument to DOUBLE too); NaN and ±Infinity stay.</summary>
public sealed class FloorFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "floor";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        // Unlike sqrt or ln, DuckDB does not read a text constant as a number here (floor('2.5') is ambiguous there).
        MathBinding.RequireOneNumber(context, "floor(x)");
        return MathBinding.Double<Floor>(context, "floor(x)");
    }

    private readonly struct Floor : IUnaryOperation<double, double>
    {
        public static double Apply(double value) => double.Floor(value);
    }
}
