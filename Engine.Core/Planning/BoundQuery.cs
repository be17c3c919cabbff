using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Planning;

/// <summary>
/// A query after binding: the table, the per-fragment plan, and the coordinator's final stage. The final
/// stage runs over a "post" batch: for aggregate queries the finalized [group keys…, aggregates…]; for row
/// queries the gathered projections. HAVING filters it, <see cref="Outputs"/> then
/// <see cref="HiddenOrderColumns"/> are evaluated over it, rows are ordered by <see cref="Order"/> (indexes
/// into outputs followed by hidden columns), cut to <see cref="Limit"/>, and hidden columns dropped.
/// </summary>
/// <param name="Sql">The original text.</param>
/// <param name="Table">The table read.</param>
/// <param name="Plan">The fragment plan.</param>
/// <param name="Outputs">Output expressions over the post batch.</param>
/// <param name="OutputNames">Output column names.</param>
/// <param name="Having">HAVING over the post batch, or null.</param>
/// <param name="HiddenOrderColumns">ORDER BY expressions not among the outputs, over the post batch.</param>
/// <param name="Order">Sort keys over outputs + hidden columns.</param>
/// <param name="Limit">LIMIT, or null.</param>
/// <param name="Explain">EXPLAIN was requested.</param>
/// <param name="Analyze">EXPLAIN ANALYZE was requested.</param>
public sealed record BoundQuery(
    string Sql,
    TableInfo Table,
    FragmentPlan Plan,
    IReadOnlyList<BoundExpression> Outputs,
    IReadOnlyList<string> OutputNames,
    BoundExpression? Having,
    IReadOnlyList<BoundExpression> HiddenOrderColumns,
    IReadOnlyList<SortKey> Order,
    long? Limit,
    bool Explain,
    bool Analyze)
{
    /// <summary>The output schema.</summary>
    public Schema OutputSchema => new(Outputs.Select((o, i) => new Field(OutputNames[i], o.Type)).ToArray());
}
