using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Pipelines;

/// <summary>
/// The pipeline every fragment of a query runs, independent of which partitions it reads: a scan of
/// <paramref name="ScanFields"/> of <paramref name="Table"/>, streaming <paramref name="Operators"/>, and a
/// <paramref name="Sink"/>. Plain data with no delegates, so it can be sent to a worker; equal to another
/// plan with equal parts (a worker's session takes fragments of one plan).
/// </summary>
/// <param name="Table">The table being read.</param>
/// <param name="ScanFields">The columns read from storage, in order; the first operator's input.</param>
/// <param name="Operators">Streaming operators, applied in order to each morsel.</param>
/// <param name="Sink">Where the rows end up.</param>
public sealed record FragmentPlan(string Table, IReadOnlyList<Field> ScanFields, IReadOnlyList<PipelineOperator> Operators, SinkPlan Sink)
{
    /// <summary>
    /// The predicate of a filter right after the scan (over <see cref="ScanFields"/>), which the planner
    /// uses to prune partitions, chunks and pages; null when the pipeline does not start with one.
    /// </summary>
    public BoundExpression? ScanFilter => Operators is [FilterOperator filter, ..] ? filter.Predicate : null;

    /// <summary>Equal when the table, fields, operators and sink are.</summary>
    public bool Equals(FragmentPlan? other) =>
        other is not null && string.Equals(Table, other.Table, StringComparison.Ordinal) &&
        ScanFields.SequenceEqual(other.ScanFields) && Operators.SequenceEqual(other.Operators) && Sink.Equals(other.Sink);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Table), ScanFields.Count, Operators.Count, Sink);

    /// <summary>The pipeline as EXPLAIN prints it: <c>Scan(cols) → Filter … → Aggregate …</c>.</summary>
    public string Describe() =>
        string.Join(" -> ", Operators.Select(o => o.Describe()).Prepend($"Scan {Table}({string.Join(", ", ScanFields.Select(f => f.Name))})").Append(Sink.Describe()));
}
