using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Pipelines;

namespace Engine.Core.Planning;

/// <summary>
/// A query after binding: the table, the pipeline every fragment runs (<see cref="Plan"/>), and the
/// pipeline the coordinator runs over the gathered partials (<see cref="Coordinator"/>).
/// </summary>
/// <param name="Sql">The original text.</param>
/// <param name="Table">The table read.</param>
/// <param name="Plan">The fragment pipeline.</param>
/// <param name="Coordinator">The coordinator pipeline after merge and finalize.</param>
/// <param name="Explain">EXPLAIN was requested.</param>
/// <param name="Analyze">EXPLAIN ANALYZE was requested.</param>
public sealed record BoundQuery(string Sql, TableInfo Table, FragmentPlan Plan, CoordinatorPlan Coordinator, bool Explain, bool Analyze)
{
    /// <summary>The output schema: names as in SELECT, aliases applied.</summary>
    public Schema OutputSchema => Coordinator.OutputSchema(Plan.Sink.FinalSchema);

    /// <summary>
    /// True when the result's rows come out in fragment order with no need to see every fragment first
    /// (a row query without ORDER BY), so they can be streamed as fragments finish.
    /// </summary>
    public bool IsStreamable =>
        Plan.Sink is CollectSink { OrderBy.Count: 0 } && Coordinator.Operators.All(o => o is not SortOperator);
}
