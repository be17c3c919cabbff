using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary><c>count(*)</c>: the rows of each group; 0 over none. State: [BIGINT count].</summary>
public sealed class CountStarFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "count_star";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(0, 0);
        return new AccumulatorKernel(DataType.Int64, [DataType.Int64], static () => new CountAccumulator());
    }
}
