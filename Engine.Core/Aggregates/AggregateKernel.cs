using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>
/// A bound aggregate call: its result type, the layout of the intermediate state that partials carry
/// between fragments, workers and the coordinator, and the accumulator that updates, merges and finalizes
/// that state. Created by <see cref="AggregateFunction.Bind"/>; immutable and shared by every thread.
/// </summary>
public abstract class AggregateKernel
{
    /// <summary>Creates a kernel with <paramref name="resultType"/> and state columns of <paramref name="stateTypes"/>.</summary>
    protected AggregateKernel(DataType resultType, IReadOnlyList<DataType> stateTypes)
    {
        ResultType = resultType;
        StateTypes = stateTypes;
    }

    /// <summary>The type of the finalized value.</summary>
    public DataType ResultType { get; }

    /// <summary>The types of the exported state columns, in order.</summary>
    public IReadOnlyList<DataType> StateTypes { get; }

    /// <summary>
    /// True when the exported state has one row per group (the usual case); false when its rows are keyed by
    /// a leading BIGINT group column instead (a set of distinct values per group).
    /// </summary>
    public virtual bool StateHasRowPerGroup => true;

    /// <summary>
    /// When the aggregate's answer for a group comes only from the group's rows at its earliest or latest
    /// time (first, last, min/max of a timestamp), which lets the planner skip chunks that cannot hold that
    /// instant; null otherwise.
    /// </summary>
    public virtual TimeExtremeUse? TimeExtreme => null;

    /// <summary>A fresh accumulator with no groups; each worker owns its own.</summary>
    public abstract GroupedAccumulator CreateAccumulator();
}
