using Engine.Core.Aggregates;
using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Planning;

/// <summary>
/// What one fragment computes, independent of which partitions it reads: the columns to scan, the filter,
/// and either grouped aggregates or projected rows (with an optional pushed-down top-N). Plain data with
/// no delegates, so it can be serialized to a worker. <see cref="ColumnReference"/> indexes refer to
/// <see cref="ScanFields"/>.
/// </summary>
/// <param name="Table">The table being read.</param>
/// <param name="ScanFields">The columns read from storage, in order.</param>
/// <param name="Filter">The WHERE predicate, or null.</param>
/// <param name="GroupKeys">GROUP BY keys (empty for a global aggregate or a row query).</param>
/// <param name="Aggregates">Aggregates to compute per group (empty for a row query).</param>
/// <param name="Projections">For row queries: the output expressions (visible columns then hidden sort columns).</param>
/// <param name="OrderBy">For row queries with a LIMIT: the top-N order over <see cref="Projections"/>.</param>
/// <param name="Limit">For row queries: at most this many rows are needed from the fragment.</param>
/// <param name="IsAggregate">True when the fragment produces groups, false when it produces rows.</param>
public sealed record FragmentPlan(
    string Table,
    IReadOnlyList<Field> ScanFields,
    BoundExpression? Filter,
    IReadOnlyList<BoundExpression> GroupKeys,
    IReadOnlyList<AggregateCall> Aggregates,
    IReadOnlyList<BoundExpression> Projections,
    IReadOnlyList<SortKey> OrderBy,
    long? Limit,
    bool IsAggregate);
