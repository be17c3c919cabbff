namespace Engine.Core.Planning;

/// <summary>A bound query with its fragments and what pruning removed.</summary>
/// <param name="QueryId">The id of this run of the query (every fragment carries it).</param>
/// <param name="Query">The bound query.</param>
/// <param name="Fragments">One fragment per partition that may hold matching rows.</param>
/// <param name="PartitionsTotal">Partitions in the table.</param>
/// <param name="ChunksTotal">Chunks (row groups, batches) in the table.</param>
/// <param name="ChunksScanned">Chunks left after pruning.</param>
public sealed record PlannedQuery(Guid QueryId, BoundQuery Query, IReadOnlyList<QueryFragment> Fragments, int PartitionsTotal, int ChunksTotal, int ChunksScanned);
