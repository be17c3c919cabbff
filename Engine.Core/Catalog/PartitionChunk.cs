namespace Engine.Core.Catalog;

/// <summary>
/// A contiguous row range of a partition with its own statistics: a Parquet row group or an in-memory
/// batch. The planner prunes chunks by statistics and CHUNKED mode splits work along chunk boundaries.
/// </summary>
/// <param name="RowStart">First row of the chunk within its partition.</param>
/// <param name="RowCount">Rows in the chunk.</param>
/// <param name="Statistics">Per-column statistics by column name; a missing column means unknown.</param>
public sealed record PartitionChunk(long RowStart, long RowCount, IReadOnlyDictionary<string, ColumnStatistics> Statistics);
