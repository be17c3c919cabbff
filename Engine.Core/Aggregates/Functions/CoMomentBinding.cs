using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Core.Aggregates.Functions;

/// <summary>The binding and the shared finalizers of the aggregates over (y, x) co-moments (covariance, correlation, regression).</summary>
internal static class CoMomentBinding
{
    /// <summary>Checks <c>f(y, x)</c> with two numeric arguments and returns a DOUBLE kernel finalized by <paramref name="finalize"/>.</summary>
    public static AggregateKernel Bind(AggregateBindContext context, Func<CoMoments, double?> finalize)
    {
        RequireNumericPair(context);
        return new AccumulatorKernel(DataType.Double, CoMomentAccumulator.StateTypes, () => new CoMomentAccumulator(finalize));
    }

    /// <summary>Throws unless the call has two numeric arguments.</summary>
    public static void RequireNumericPair(AggregateBindContext context)
    {
        context.RequireCount(2, 2);
        context.RequireNumeric(0);
        context.RequireNumeric(1);
    }

    /// <summary>
    /// corr(y, x) as DuckDB 1.5 computes it: covar_pop / (stddev_pop(x) · stddev_pop(y)), NaN when either
    /// deviation is 0; an infinite or NaN deviation is an error, as in DuckDB.
    /// </summary>
    /// <exception cref="QueryExecutionException">A standard deviation is not finite.</exception>
    public static double Correlation(CoMoments m)
    {
        var stdX = Math.Sqrt(m.VariancePopX);
        if (!double.IsFinite(stdX))
        {
            throw new QueryExecutionException("STDDEV_POP for X is out of range!");
        }

        var stdY = Math.Sqrt(m.VariancePopY);
        if (!double.IsFinite(stdY))
        {
            throw new QueryExecutionException("STDDEV_POP for Y is out of range!");
        }

        return stdX * stdY != 0 ? m.CovariancePop / (stdX * stdY) : double.NaN;
    }

    /// <summary>regr_slope(y, x): covar_pop / var_pop(x), NaN when var_pop(x) is 0, as in DuckDB.</summary>
    public static double Slope(CoMoments m)
    {
        var variance = m.VariancePopX;
        return variance != 0 ? m.CovariancePop / variance : double.NaN;
    }
}
