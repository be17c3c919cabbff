using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>last(x [, ts])</c>: x at the latest time among rows where x and the time are not NULL — by the time
/// column, never by arrival order; equal times are broken by the larger value. State: [value of the input
/// type, TIMESTAMP time], both NULL when the group has none.
/// </summary>
public sealed class LastFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "last";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        TimeOrderedBinding.BindTime(context);
        var type = context.TypeOf(0);
        return new AccumulatorKernel(type, [type, DataType.Timestamp], () => new FirstLastAccumulator(type, last: true), new TimeExtremeUse(1, 0, Latest: true));
    }
}
