using Engine.Core.Columns;
using Engine.Core.Execution;

namespace Engine.Core.Pipelines;

/// <summary>
/// The end of a fragment pipeline, as plain data: it says what every worker accumulates (worker-local
/// state, see <see cref="SinkState"/>), what partial that state combines into, and how the coordinator
/// turns the merged partials into the batch its own pipeline starts from. A new sink is a new record
/// deriving from this one, plus its encoding in the remote codec.
/// </summary>
public abstract record SinkPlan
{
    /// <summary>The sink's name in EXPLAIN (and on the wire).</summary>
    public abstract string Name { get; }

    /// <summary>One line for EXPLAIN.</summary>
    public abstract string Describe();

    /// <summary>The schema of the batch <see cref="Finalize"/> produces.</summary>
    public abstract Schema FinalSchema { get; }

    /// <summary>The partial of a fragment that read no rows: the identity of merging (one group for a global aggregate).</summary>
    public PartialResult EmptyPartial()
    {
        using var state = CreateState();
        return state.Combine(0);
    }

    /// <summary>The worker-local state of the sink; its owner disposes it.</summary>
    internal abstract SinkState CreateState();

    /// <summary>At the coordinator: the merged partial as the batch the coordinator pipeline starts from.</summary>
    /// <exception cref="ArgumentException">The partial is not of this sink's kind.</exception>
    public abstract ColumnBatch Finalize(PartialResult merged);
}
