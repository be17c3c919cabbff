using Engine.Core.Catalog;
using Engine.Core.Pipelines;

namespace Engine.Core.Planning;

/// <summary>
/// A self-contained unit of work: the plan and the partition row ranges it reads. Any scheduler can run it
/// anywhere that can read the same storage; it carries no delegates or live objects.
/// </summary>
/// <param name="QueryId">The query this fragment belongs to.</param>
/// <param name="FragmentId">Unique within the query.</param>
/// <param name="Plan">What to compute.</param>
/// <param name="Scans">The row ranges to read, each within one partition.</param>
public sealed record QueryFragment(Guid QueryId, int FragmentId, FragmentPlan Plan, IReadOnlyList<PartitionScan> Scans)
{
    /// <summary>Rows this fragment reads.</summary>
    public long RowCount
    {
        get
        {
            long rows = 0;
            foreach (var scan in Scans)
            {
                rows += scan.RowCount;
            }

            return rows;
        }
    }
}
