using Engine.Core.Catalog;

namespace Engine.Core.Planning;

/// <summary>
/// Turns a bound query into fragments: prunes partitions and chunks that cannot match the WHERE clause
/// (and, for first/last queries, chunks that cannot hold a partition's earliest or latest rows), then emits one fragment per remaining partition whose scans cover the remaining chunks (adjacent
/// chunks merged into one range).
/// </summary>
public static class QueryPlanner
{
    /// <summary>The fragments of <paramref name="query"/>, with counts for EXPLAIN.</summary>
    public static PlannedQuery Plan(BoundQuery query, Guid queryId)
    {
        var fragments = new List<QueryFragment>();
        var plan = query.Plan;
        var filter = plan.ScanFilter;
        var columns = plan.ScanFields.Select(f => f.Name).ToArray();
        var chunksTotal = 0;
        var chunksKept = 0;
        var partitions = query.Table.Partitions;
        var keep = new bool[partitions.Count][];
        for (var p = 0; p < partitions.Count; p++)
        {
            var partition = partitions[p];
            keep[p] = new bool[partition.Chunks.Count];
            for (var c = 0; c < keep[p].Length; c++)
            {
                var chunk = partition.Chunks[c];
                keep[p][c] = chunk.RowCount > 0 && (filter is null || PartitionPruner.CanMatch(filter, plan.ScanFields, partition, chunk));
            }
        }

        TimeExtremePruner.For(plan)?.Prune(partitions, keep);
        for (var p = 0; p < partitions.Count; p++)
        {
            var partition = partitions[p];
            chunksTotal += keep[p].Length;
            var scans = new List<PartitionScan>();
            for (var c = 0; c < keep[p].Length; c++)
            {
                if (!keep[p][c])
                {
                    continue;
                }

                var chunk = partition.Chunks[c];
                chunksKept++;
                if (scans.Count > 0 && scans[^1].RowStart + scans[^1].RowCount == chunk.RowStart)
                {
                    scans[^1] = scans[^1] with { RowCount = scans[^1].RowCount + chunk.RowCount };
                }
                else
                {
                    scans.Add(new PartitionScan(query.Table.Name, partition.Id, columns, chunk.RowStart, chunk.RowCount) { Expected = partition.Identity });
                }
            }

            if (scans.Count > 0)
            {
                fragments.Add(new QueryFragment(queryId, fragments.Count, plan, scans));
            }
        }

        return new PlannedQuery(queryId, query, fragments, query.Table.Partitions.Count, chunksTotal, chunksKept);
    }
}
