namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary>
/// One binary arithmetic operator as a struct the kernels are specialized on, so the per-row loop has no
/// delegate call: integer arithmetic reports overflow (DuckDB fails the query instead of wrapping), double
/// arithmetic follows IEEE 754.
/// </summary>
internal interface IArithmeticOperation
{
    /// <summary>The SQL symbol, for messages.</summary>
    static abstract string Symbol { get; }

    /// <summary><paramref name="left"/> op <paramref name="right"/>; false when the result does not fit in 64 bits.</summary>
    static abstract bool TryApply(long left, long right, out long result);

    /// <summary><paramref name="left"/> op <paramref name="right"/> in IEEE 754 arithmetic.</summary>
    static abstract double Apply(double left, double right);
}
