using Engine.Core.Columns;
using Engine.Core.Sql.Ast;

namespace Engine.Core.Execution;

/// <summary>
/// UNION, INTERSECT and EXCEPT over two batches of one schema, with SQL's row equality for them (NULL equal
/// to NULL, one NaN, -0.0 equal to 0.0): distinct rows unless ALL, whose bag semantics keep
/// min(left, right) copies for INTERSECT ALL and left − right copies for EXCEPT ALL. Rows keep the order
/// of their first appearance, left before right.
/// </summary>
internal static class SetOperations
{
    public static ColumnBatch Apply(SetOperator op, bool all, ColumnBatch left, ColumnBatch right)
    {
        if (op == SetOperator.Union && all)
        {
            return ColumnConcat.Concat(left.Schema, [left, right]);
        }

        var both = ColumnConcat.Concat(left.Schema, [left, right]);
        var table = new GroupKeyTable([.. both.Columns.Select(c => c.Type)], both.RowCount);
        var ids = new int[both.RowCount];
        table.Map(both.Columns, ids);
        var leftCounts = new int[table.Count];
        var rightCounts = new int[table.Count];
        for (var row = 0; row < ids.Length; row++)
        {
            if (row < left.RowCount)
            {
                leftCounts[ids[row]]++;
            }
            else
            {
                rightCounts[ids[row]]++;
            }
        }

        var keep = new List<int>();
        var taken = new int[table.Count];
        for (var row = 0; row < ids.Length; row++)
        {
            var id = ids[row];
            var fromLeft = row < left.RowCount;
            var quota = op switch
            {
                SetOperator.Union => 1,
                SetOperator.Intersect when fromLeft => all ? Math.Min(leftCounts[id], rightCounts[id]) : rightCounts[id] > 0 ? 1 : 0,
                SetOperator.Except when fromLeft => all ? Math.Max(0, leftCounts[id] - rightCounts[id]) : rightCounts[id] == 0 ? 1 : 0,
                _ => 0,
            };
            if (taken[id] < quota)
            {
                taken[id]++;
                keep.Add(row);
            }
        }

        return RowSorter.Take(both, [.. keep]);
    }
}
