namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// The co-moments of one group's (y, x) pairs: the pair count, both means, the co-moment
/// C = Σ(x − x̄)(y − ȳ) and the second moments M2x = Σ(x − x̄)², M2y = Σ(y − ȳ)². What the covariance,
/// correlation and regression aggregates finalize from, as DuckDB 1.5 does.
/// </summary>
/// <param name="Count">The pairs where neither value is NULL.</param>
/// <param name="MeanX">The mean of x.</param>
/// <param name="MeanY">The mean of y.</param>
/// <param name="CoMoment">Σ(x − x̄)(y − ȳ).</param>
/// <param name="M2X">Σ(x − x̄)².</param>
/// <param name="M2Y">Σ(y − ȳ)².</param>
internal readonly record struct CoMoments(long Count, double MeanX, double MeanY, double CoMoment, double M2X, double M2Y)
{
    /// <summary>The population covariance C / n (n > 0).</summary>
    public double CovariancePop => CoMoment / Count;

    /// <summary>The population variance of x, taken as 0 below two pairs as DuckDB does.</summary>
    public double VariancePopX => Count > 1 ? M2X / Count : 0;

    /// <summary>The population variance of y, taken as 0 below two pairs as DuckDB does.</summary>
    public double VariancePopY => Count > 1 ? M2Y / Count : 0;
}
