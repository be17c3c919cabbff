using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>first(x [, ts])</c>: x at the earliest time among rows where x and the time are not NULL — by the
/// time column, never by arrival order, so any split gives the same answer; equal times are broken by the
/// smaller value. State: [value of the input type, TIMESTAMP time], both NULL when the group has none.
/// </summary>
public sealed class FirstFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "first";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        TimeOrderedBinding.BindTime(context);
        var type = context.TypeOf(0);
        return new AccumulatorKernel(type, [type, DataType.Timestamp], () => new FirstLastAccumulator(type, last: false), new TimeExtremeUse(1, 0, Latest: false));
    }
}
