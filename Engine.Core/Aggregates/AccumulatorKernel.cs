using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>The kernel most aggregates need: fixed result and state types and a factory of accumulators.</summary>
/// <param name="resultType">The finalized type.</param>
/// <param name="stateTypes">The exported state's column types.</param>
/// <param name="create">Makes an empty accumulator.</param>
/// <param name="timeExtreme">See <see cref="AggregateKernel.TimeExtreme"/>.</param>
internal sealed class AccumulatorKernel(DataType resultType, IReadOnlyList<DataType> stateTypes, Func<GroupedAccumulator> create, TimeExtremeUse? timeExtreme = null)
    : AggregateKernel(resultType, stateTypes)
{
    public override TimeExtremeUse? TimeExtreme => timeExtreme;

    public override GroupedAccumulator CreateAccumulator() => create();
}
