namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// How round or trunc makes a number whole, for the kernels of <c>f(x, n)</c> that keep <c>n</c> decimal
/// digits (or, for a negative <c>n</c>, make x a multiple of 10⁻ⁿ).
/// </summary>
internal interface IRoundingMode
{
    /// <summary>The SQL name, for messages.</summary>
    static abstract string Name { get; }

    /// <summary><paramref name="value"/> made whole.</summary>
    static abstract double Apply(double value);

    /// <summary>What DuckDB returns for a negative precision whose result is not finite (10⁻ⁿ overflowed, or x is not finite).</summary>
    static abstract double NotFiniteWithNegativePrecision(double value);

    /// <summary><paramref name="value"/> made a multiple of 10^<paramref name="digits"/> (digits ≥ 1); false when that does not fit in a BIGINT.</summary>
    static abstract bool TryApply(long value, long digits, out long result);
}
