namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// A function of one value as a struct the kernels are specialized on, so the per-row loop has no delegate
/// call. <typeparamref name="TIn"/> and <typeparamref name="TOut"/> are <see cref="long"/> (BIGINT) or
/// <see cref="double"/> (DOUBLE).
/// </summary>
internal interface IUnaryOperation<TIn, TOut>
    where TIn : unmanaged
    where TOut : unmanaged
{
    /// <summary>The function's value at <paramref name="value"/>.</summary>
    static abstract TOut Apply(TIn value);

    /// <summary>The message of the error DuckDB raises for <paramref name="value"/> (sqrt(-1), abs of −2⁶³), or null when it has a value.</summary>
    static virtual string? Error(TIn value) => null;
}
