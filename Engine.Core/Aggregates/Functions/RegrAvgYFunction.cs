using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>regr_avgy(y, x)</c>: the mean of y over the pairs where neither is NULL, as DOUBLE; NULL over none. State: the pair count, both means and the co-moments (see CoMomentAccumulator), merged with Chan's formulas.
/// </summary>
public sealed class RegrAvgYFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "regr_avgy";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => CoMomentBinding.Bind(context, static m => m.MeanY);
}
