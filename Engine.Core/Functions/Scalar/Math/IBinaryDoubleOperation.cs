namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>A function of two DOUBLEs (power, a based logarithm), specialized like <see cref="IUnaryOperation{TIn, TOut}"/>.</summary>
internal interface IBinaryDoubleOperation
{
    /// <summary>The function's value at (<paramref name="left"/>, <paramref name="right"/>).</summary>
    static abstract double Apply(double left, double right);

    /// <summary>The message of the error DuckDB raises for the pair, or null when it has a value.</summary>
    static virtual string? Error(double left, double right) => null;
}
