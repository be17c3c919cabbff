using Engine.Core.Columns;

namespace Engine.Core.Catalog;

/// <summary>
/// A table as the planner sees it: schema, partitions with statistics, and the time column that
/// <c>first</c>/<c>last</c> order by and time pruning uses.
/// </summary>
/// <param name="Name">Table name.</param>
/// <param name="Schema">Columns, including partition-key columns.</param>
/// <param name="Partitions">The partitions.</param>
/// <param name="TimeColumn">The TIMESTAMP column that orders rows in time, or null when the table has none.</param>
public sealed record TableInfo(string Name, Schema Schema, IReadOnlyList<PartitionInfo> Partitions, string? TimeColumn)
{
    /// <summary>Rows over all partitions.</summary>
    public long RowCount
    {
        get
        {
            long total = 0;
            foreach (var partition in Partitions)
            {
                total += partition.RowCount;
            }

            return total;
        }
    }
}
