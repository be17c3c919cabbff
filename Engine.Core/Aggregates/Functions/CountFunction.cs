using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary><c>count(x)</c>: the non-NULL values of each group; 0 over none. State: [BIGINT count].</summary>
public sealed class CountFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "count";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        return new AccumulatorKernel(DataType.Int64, [DataType.Int64], static () => new CountAccumulator());
    }
}
