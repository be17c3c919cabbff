using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>sum(x)</c> over BIGINT (exact; overflow fails the query) or DOUBLE; NULL over no values. State:
/// [sum of the input type, BIGINT count of values].
/// </summary>
public sealed class SumFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "sum";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        context.RequireNumeric(0);
        var type = context.TypeOf(0);
        return type == DataType.Int64
            ? new AccumulatorKernel(type, [type, DataType.Int64], static () => new SumAccumulator<long>(average: false))
            : new AccumulatorKernel(type, [type, DataType.Int64], static () => new SumAccumulator<double>(average: false));
    }
}
