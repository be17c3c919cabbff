using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>corr(y, x)</c>: the Pearson correlation of the pairs where neither is NULL, as DOUBLE; NULL over none, NaN when x or y is constant; a non-finite standard deviation fails the query with QueryExecutionException, as in DuckDB. State: the pair count, both means and the co-moments (see CoMomentAccumulator), merged with Chan's formulas.
/// </summary>
public sealed class CorrFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "corr";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => CoMomentBinding.Bind(context, static m => CoMomentBinding.Correlation(m));
}
