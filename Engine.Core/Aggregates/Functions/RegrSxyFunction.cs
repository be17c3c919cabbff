using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>regr_sxy(y, x)</c>: Σ(x − x̄)(y − ȳ) over the pairs where neither is NULL, as DOUBLE; NULL over none. State: the pair count, both means and the co-moments (see CoMomentAccumulator), merged with Chan's formulas.
/// </summary>
public sealed class RegrSxyFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "regr_sxy";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => CoMomentBinding.Bind(context, static m => m.CoMoment);
}
