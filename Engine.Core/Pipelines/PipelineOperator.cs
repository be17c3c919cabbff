using Engine.Core.Columns;

namespace Engine.Core.Pipelines;

/// <summary>
/// One step of a pipeline between its source and its sink: plain data that the planner builds, EXPLAIN
/// prints and the remote codec carries (no delegates, no live state). Operators that can stream (filter,
/// projection) run inside fragments on morsels; the others (sort, limit) need their whole input and run
/// only in the coordinator pipeline. A new operator is a new record deriving from this one, plus its
/// encoding in the remote codec.
/// </summary>
public abstract record PipelineOperator
{
    /// <summary>The operator's name in EXPLAIN (and on the wire).</summary>
    public abstract string Name { get; }

    /// <summary>True when the operator can run morsel by morsel inside a fragment.</summary>
    public abstract bool IsStreaming { get; }

    /// <summary>The schema of what the operator passes on, given the schema it receives.</summary>
    public abstract Schema OutputSchema(Schema input);

    /// <summary>One line for EXPLAIN: the name and the operator's arguments.</summary>
    public abstract string Describe();

    /// <summary>The per-worker state of a streaming operator (null for one that does not stream).</summary>
    internal abstract OperatorState? CreateState();

    /// <summary>Runs the operator over a whole materialized input (the coordinator pipeline).</summary>
    internal abstract ColumnBatch Apply(ColumnBatch input);
}
