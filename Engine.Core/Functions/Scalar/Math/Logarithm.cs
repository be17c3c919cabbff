namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>The domain of the logarithms (ln, log10, log2, log), with DuckDB's errors.</summary>
internal static class Logarithm
{
    /// <summary>The error for the logarithm of <paramref name="value"/>, or null when it has one (NaN and +Infinity do).</summary>
    public static string? Error(double value) =>
        value < 0 ? "cannot take logarithm of a negative number" : value == 0 ? "cannot take logarithm of zero" : null;

    /// <summary>The base-10 logarithm with the logarithm's domain errors (log10, and log with one argument).</summary>
    internal readonly struct Base10 : IUnaryOperation<double, double>
    {
        public static double Apply(double value) => double.Log10(value);

        public static string? Error(double value) => Logarithm.Error(value);
    }
}
