using Engine.Core.Aggregates;
using Engine.Core.Columns;

namespace Engine.Core.Execution;

/// <summary>
/// Merges partial results by group key (the gather step) and finalizes aggregate states. Merging is
/// associative and commutative, and a partial with no groups is its identity, so partials may be merged
/// in any grouping and order — per worker, per thread, then once more at the coordinator.
/// </summary>
public static class PartialAggMerger
{
    /// <summary>Merges <paramref name="partials"/>, which must all be of the same query, into one partial.</summary>
    public static PartialAggResult Merge(IReadOnlyList<PartialAggResult> partials)
    {
        ArgumentOutOfRangeException.ThrowIfZero(partials.Count);
        if (partials.Count == 1)
        {
            return partials[0];
        }

        long rowsScanned = 0;
        foreach (var partial in partials)
        {
            rowsScanned += partial.RowsScanned;
        }

        var first = partials[0];
        if (!first.IsAggregate)
        {
            var batches = partials.Select(p => p.Rows ?? throw new ArgumentException("Cannot merge row and group partials.")).ToArray();
            return PartialAggResult.ForRows(ColumnConcat.Concat(first.Rows!.Schema, batches), rowsScanned);
        }

        // The sum of the partials' group counts bounds the merged count (and equals it for partials of disjoint
        // groups, as partition-keyed fragments are): sizing for it once spares every doubling copy.
        long expected = 0;
        foreach (var partial in partials)
        {
            expected += partial.GroupCount;
        }

        var table = new GroupKeyTable(first.KeyTypes, (int)Math.Min(expected, 1 << 26));
        var accumulators = first.Aggregates.Select(AccumulatorFactory.Create).ToArray();
        foreach (var accumulator in accumulators)
        {
            accumulator.EnsureGroups((int)Math.Min(expected, 1 << 26));
        }

        foreach (var partial in partials)
        {
            if (!partial.IsAggregate || partial.Aggregates.Count != accumulators.Length || partial.KeyTypes.Count != first.KeyTypes.Count)
            {
                throw new ArgumentException("Partials of different shapes cannot be merged.");
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

    /// <summary>
    /// The final values of a merged aggregate partial (one whose groups are distinct, as <see cref="Merge"/>
    /// and fragments produce): key columns followed by one column per aggregate, one row per group.
    /// </summary>
    public static IReadOnlyList<Column> Finalize(PartialAggResult merged)
    {
        // A merged partial already holds each group once, so states load one-to-one without re-hashing keys.
        var identity = new int[merged.GroupCount];
        for (var g = 0; g < identity.Length; g++)
        {
            identity[g] = g;
        }

        var columns = new List<Column>(merged.Keys);
        foreach (var (call, state) in merged.Aggregates.Zip(merged.States))
        {
            var accumulator = AccumulatorFactory.Create(call);
            accumulator.EnsureGroups(merged.GroupCount);
            accumulator.Merge(state, identity);
            columns.Add(accumulator.Finalize(merged.GroupCount));
        }

        return columns;
    }

    internal static PartialAggResult Export(GroupKeyTable table, IReadOnlyList<AggregateCall> calls, GroupedAccumulator[] accumulators, long rowsScanned)
    {
        var states = new IReadOnlyList<Column>[accumulators.Length];
        for (var a = 0; a < accumulators.Length; a++)
        {
            accumulators[a].EnsureGroups(table.Count);
            states[a] = accumulators[a].ExportState(table.Count);
        }

        return PartialAggResult.ForGroups(table.Types, table.ToColumns(), table.Count, calls, states, rowsScanned);
    }
}
