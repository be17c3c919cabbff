using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>regr_sxx(y, x)</c>: Σ(x − x̄)² over the pairs where neither is NULL, as DOUBLE; NULL over none. State: the pair count, both means and the co-moments (see CoMomentAccumulator), merged with Chan's formulas.
/// </summary>
public sealed class RegrSxxFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "regr_sxx";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => CoMomentBinding.Bind(context, static m => m.Count > 1 ? m.M2X : 0);
}
