using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>regr_slope(y, x)</c>: the slope of the least-squares line through the pairs where neither is NULL, covar_pop(y, x) / var_pop(x), as DOUBLE; NULL over none, NaN when x is constant (as DuckDB). State: the pair count, both means and the co-moments (see CoMomentAccumulator), merged with Chan's formulas.
/// </summary>
public sealed class RegrSlopeFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "regr_slope";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => CoMomentBinding.Bind(context, static m => CoMomentBinding.Slope(m));
}
