using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>covar_pop(y, x)</c>: the population covariance of the pairs where neither is NULL, as DOUBLE; NULL over none. State: the pair count, both means and the co-moments (see CoMomentAccumulator), merged with Chan's formulas.
/// </summary>
public sealed class CovarPopFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "covar_pop";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => CoMomentBinding.Bind(context, static m => m.CovariancePop);
}
