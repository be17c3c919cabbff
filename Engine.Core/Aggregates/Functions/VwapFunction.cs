using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>vwap(price, volume)</c> = Σ(price × volume) / Σ(volume) over the rows where both are not NULL, as
/// DOUBLE. State: [DOUBLE Σ price × volume, DOUBLE Σ volume, BIGINT count].
/// </summary>
public sealed class VwapFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "vwap";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(2, 2);
        context.RequireNumeric(0);
        context.RequireNumeric(1);
        return new AccumulatorKernel(DataType.Double, [DataType.Double, DataType.Double, DataType.Int64], static () => new VwapAccumulator());
    }
}
