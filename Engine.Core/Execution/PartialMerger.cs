using Engine.Core.Aggregates;
using Engine.Core.Columns;

namespace Engine.Core.Execution;

/// <summary>
/// Merges partial results (the gather step) and finalizes aggregate states. Group partials merge by group
/// key, row partials concatenate. Merging is associative and commutative, and a group partial with no
/// groups is its identity, so partials may be merged in any grouping and order — per worker, per thread,
/// then once more at the coordinator. Stateless and thread-safe.
/// </summary>
public static class PartialMerger
{
    /// <summary>Merges <paramref name="partials"/>, which must all be of the same query and kind, into one partial.</summary>
    /// <exception cref="ArgumentException">The partials are of different kinds or shapes, or there are none.</exception>
    public static PartialResult Merge(IReadOnlyList<PartialResult> partials)
    {
        ArgumentNullException.ThrowIfNull(partials);
        if (partials.Count == 0)
        {
            throw new ArgumentException("There is nothing to merge.", nameof(partials));
        }

        if (partials.Count == 1)
        {
            return partials[0];
        }

        long rowsScanned = 0;
        foreach (var partial in partials)
        {
            rowsScanned += partial.RowsScanned;
        }

        if (partials[0] is RowPartial first)
        {
            var batches = new ColumnBatch[partials.Count];
            for (var i = 0; i < batches.Length; i++)
            {
                batches[i] = partials[i] is RowPartial rows ? rows.Rows : throw new ArgumentException("Cannot merge row and group partials.", nameof(partials));
            }

            return new RowPartial(ColumnConcat.Concat(first.Rows.Schema, batches), rowsScanned);
        }

        var groups = new GroupPartial[partials.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = partials[i] as GroupPartial ?? throw new ArgumentException("Cannot merge row and group partials.", nameof(partials));
        }

        return MergeGroups(groups, rowsScanned);
    }

    /// <summary>
    /// The final values of a merged group partial (one whose groups are distinct, as <see cref="Merge"/> and
    /// fragments produce): key columns followed by one column per aggregate, one row per group.
    /// </summary>
    public static IReadOnlyList<Column> Finalize(GroupPartial merged)
    {
        ArgumentNullException.ThrowIfNull(merged);

        // A merged partial already holds each group once, so states load one-to-one without re-hashing keys.
        var identity = new int[merged.GroupCount];
        for (var g = 0; g < identity.Length; g++)
        {
            identity[g] = g;
        }

        var columns = new List<Column>(merged.Keys);
        for (var a = 0; a < merged.Aggregates.Count; a++)
        {
            var accumulator = merged.Aggregates[a].Kernel.CreateAccumulator();
            accumulator.EnsureGroups(merged.GroupCount);
            accumulator.Merge(merged.States[a], identity);
            columns.Add(accumulator.Finalize(merged.GroupCount));
        }

        return columns;
    }

    internal static GroupPartial Export(GroupKeyTable table, IReadOnlyList<AggregateCall> calls, GroupedAccumulator[] accumulators, long rowsScanned)
    {
        var states = new IReadOnlyList<Column>[accumulators.Length];
        for (var a = 0; a < accumulators.Length; a++)
        {
            accumulators[a].EnsureGroups(table.Count);
            states[a] = accumulators[a].ExportState(table.Count);
        }

        return new GroupPartial(table.Types, table.ToColumns(), table.Count, calls, states, rowsScanned);
    }

    private static GroupPartial MergeGroups(GroupPartial[] partials, long rowsScanned)
    {
        var first = partials[0];

        // The sum of the partials' group counts bounds the merged count (and equals it for partials of disjoint
        // groups, as partition-keyed fragments are): sizing for it once spares every doubling copy.
        long expected = 0;
        foreach (var partial in partials)
        {
            expected += partial.GroupCount;
        }

        var capacity = (int)Math.Min(expected, 1 << 26);
        var table = new GroupKeyTable(first.KeyTypes, capacity);
        var accumulators = new GroupedAccumulator[first.Aggregates.Count];
        for (var a = 0; a < accumulators.Length; a++)
        {
            accumulators[a] = first.Aggregates[a].Kernel.CreateAccumulator();
            accumulators[a].EnsureGroups(capacity);
        }

        foreach (var partial in partials)
        {
            if (partial.Aggregates.Count != accumulators.Length || !partial.KeyTypes.SequenceEqual(first.KeyTypes))
            {
                throw new ArgumentException("Partials of different shapes cannot be merged.", nameof(partials));
            }

            var groupMap = new int[partial.GroupCount];
            table.Map(partial.Keys, groupMap);
            for (var a = 0; a < accumulators.Length; a++)
            {
                accumulators[a].EnsureGroups(table.Count);
                accumulators[a].Merge(partial.States[a], groupMap);
            }
        }

        return Export(table, first.Aggregates, accumulators, rowsScanned);
    }
}
