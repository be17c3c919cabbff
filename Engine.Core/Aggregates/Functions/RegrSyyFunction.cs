using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>regr_syy(y, x)</c>: Σ(y − ȳ)² over the pairs where neither is NULL, as DOUBLE; NULL over none. State: the pair count, both means and the co-moments (see CoMomentAccumulator), merged with Chan's formulas.
/// </summary>
public sealed class RegrSyyFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "regr_syy";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => CoMomentBinding.Bind(context, static m => m.Count > 1 ? m.M2Y : 0);
}
