using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>mode(x)</c>: the most frequent non-NULL value, of x's type (any type); NULL over none. Ties go to the
/// smallest value, so the answer does not depend on how rows were split (DuckDB returns the tied value it
/// saw first). State: one row per distinct value, <c>[BIGINT group, x, BIGINT count]</c>, merged by adding counts.
/// </summary>
public sealed class ModeFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "mode";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        var type = context.TypeOf(0);
        Func<GroupedAccumulator> create = type.Physical switch
        {
            PhysicalKind.Int64 => () => new ModeAccumulator<long, Int64Kind>(type),
            PhysicalKind.Double => () => new ModeAccumulator<double, DoubleKind>(type),
            PhysicalKind.String => () => new ModeAccumulator<string, StringKind>(type),
            _ => () => new ModeAccumulator<bool, BoolKind>(type),
        };
        return new GroupRowsKernel(type, [DataType.Int64, type, DataType.Int64], create);
    }
}
