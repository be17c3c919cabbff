using Engine.Core.Columns;
using Engine.Core.Execution;

namespace Engine.Core.Pipelines;

/// <summary>
/// What runs after gather: the sink's finalize over the merged partials (merge → finalize), then
/// <paramref name="Operators"/> over the whole result in order (HAVING as a filter, the SELECT list as a
/// projection, sort, offset and limit; later windows, gap filling and outer query blocks).
/// </summary>
/// <param name="Operators">Operators over the finalized batch, in order; any kind, streaming or not.</param>
public sealed record CoordinatorPlan(IReadOnlyList<PipelineOperator> Operators)
{
    /// <summary>The result of the pipeline over <paramref name="finalized"/>, the sink's finalized batch.</summary>
    public ColumnBatch Run(ColumnBatch finalized)
    {
        ArgumentNullException.ThrowIfNull(finalized);
        var batch = finalized;
        foreach (var step in Operators)
        {
            batch = step.Apply(batch);
        }

        return batch;
    }

    /// <summary>The schema of the pipeline's result over an input of <paramref name="input"/>.</summary>
    public Schema OutputSchema(Schema input)
    {
        var schema = input;
        foreach (var step in Operators)
        {
            schema = step.OutputSchema(schema);
        }

        return schema;
    }

    /// <summary>Equal when the operators are, in order.</summary>
    public bool Equals(CoordinatorPlan? other) => other is not null && Operators.SequenceEqual(other.Operators);

    /// <inheritdoc />
    public override int GetHashCode() => Operators.Count;

    /// <summary>The pipeline as EXPLAIN prints it: <c>Merge → Finalize → …</c>.</summary>
    public string Describe(SinkPlan sink) =>
        string.Join(" -> ", Operators.Select(o => o.Describe()).Prepend($"Merge and finalize ({sink.Name})"));
}
