using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>
/// A kernel whose exported state has one row per kept value rather than one per group: the first state
/// column is the BIGINT group id the row belongs to (see <see cref="AggregateKernel.StateHasRowPerGroup"/>).
/// For the aggregates that keep values (exact quantiles, mode, HyperLogLog registers).
/// </summary>
/// <param name="resultType">The finalized type.</param>
/// <param name="stateTypes">The exported state's column types, BIGINT group id first.</param>
/// <param name="create">Makes an empty accumulator.</param>
internal sealed class GroupRowsKernel(DataType resultType, IReadOnlyList<DataType> stateTypes, Func<GroupedAccumulator> create)
    : AggregateKernel(resultType, stateTypes)
{
    public override bool StateHasRowPerGroup => false;

    public override GroupedAccumulator CreateAccumulator() => create();
}
