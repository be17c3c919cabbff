using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>covar_samp(y, x)</c>: the sample covariance of the pairs where neither is NULL, as DOUBLE; NULL below two pairs. State: the pair count, both means and the co-moments (see CoMomentAccumulator), merged with Chan's formulas.
/// </summary>
public sealed class CovarSampFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "covar_samp";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => CoMomentBinding.Bind(context, static m => m.Count > 1 ? m.CoMoment / (m.Count - 1) : null);
}
