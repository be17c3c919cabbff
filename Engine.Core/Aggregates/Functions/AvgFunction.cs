using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary><c>avg(x)</c> (also <c>mean</c>) as DOUBLE; NULL over no values. State: [sum of the input type, BIGINT count].</summary>
public sealed class AvgFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "avg";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["mean"];

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        context.RequireNumeric(0);
        var type = context.TypeOf(0);
        return type == DataType.Int64
            ? new AccumulatorKernel(DataType.Double, [type, DataType.Int64], static () => new SumAccumulator<long>(average: true))
            : new AccumulatorKernel(DataType.Double, [type, DataType.Int64], static () => new SumAccumulator<double>(average: true));
    }
}
