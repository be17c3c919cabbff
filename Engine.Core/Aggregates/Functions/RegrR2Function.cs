using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Errors;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>regr_r2(y, x)</c>: the coefficient of determination of the pairs where neither is NULL, as DOUBLE, as
/// DuckDB defines it: NULL when var_pop(x) is 0 (or there are no pairs), 1 when var_pop(y) is 0, otherwise
/// corr(y, x)²; a non-finite variance fails the query with <see cref="QueryExecutionException"/>. State: the
/// pair count, both means and the co-moments (see CoMomentAccumulator), merged with Chan's formulas.
/// </summary>
public sealed class RegrR2Function : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "regr_r2";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => CoMomentBinding.Bind(context, static m => R2(m));

    private static double? R2(CoMoments m)
    {
        var varianceX = m.VariancePopX;
        if (!double.IsFinite(varianceX))
        {
            throw new QueryExecutionException("VARPOP(X) is out of range!");
        }

        if (varianceX == 0)
        {
            return null;
        }

        var varianceY = m.VariancePopY;
        if (!double.IsFinite(varianceY))
        {
            throw new QueryExecutionException("VARPOP(Y) is out of range!");
        }

        if (varianceY == 0)
        {
            return 1;
        }

        var correlation = CoMomentBinding.Correlation(m);
        return correlation * correlation;
    }
}
