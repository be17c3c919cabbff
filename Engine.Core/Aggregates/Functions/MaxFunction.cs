using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>max(x)</c> of any ordered type (doubles order NaN above every number, as in DuckDB); NULL over no
/// values. State: [value of the input type, NULL when the group has none].
/// </summary>
public sealed class MaxFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "max";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        var type = context.TypeOf(0);
        var extreme = type == DataType.Timestamp ? new TimeExtremeUse(0, null, Latest: true) : null;
        return new AccumulatorKernel(type, [type], () => new MinMaxAccumulator(type, maximum: true), extreme);
    }
}
