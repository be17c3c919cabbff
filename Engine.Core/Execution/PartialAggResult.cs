using Engine.Core.Aggregates;
using Engine.Core.Columns;

namespace Engine.Core.Execution;

/// <summary>
/// The output of one fragment (or of a merge of several): either groups — key columns plus each
/// aggregate's intermediate state columns (layouts in <see cref="AggregateStateLayout"/>) — or, for row
/// queries, a batch of rows. Immutable plain data, so it can cross the wire. An aggregate partial with no
/// groups is the identity of merging.
/// </summary>
public sealed class PartialAggResult
{
    private PartialAggResult(
        IReadOnlyList<DataType> keyTypes,
        IReadOnlyList<Column> keys,
        int groupCount,
        IReadOnlyList<AggregateCall> aggregates,
        IReadOnlyList<IReadOnlyList<Column>> states,
        ColumnBatch? rows,
        long rowsScanned)
    {
        KeyTypes = keyTypes;
        Keys = keys;
        GroupCount = groupCount;
        Aggregates = aggregates;
        States = states;
        Rows = rows;
        RowsScanned = rowsScanned;
    }

    /// <summary>The types of the group-key columns.</summary>
    public IReadOnlyList<DataType> KeyTypes { get; }

    /// <summary>Group-key columns, <see cref="GroupCount"/> rows each.</summary>
    public IReadOnlyList<Column> Keys { get; }

    /// <summary>The number of groups (1 for a global aggregate, 0 for a row result).</summary>
    public int GroupCount { get; }

    /// <summary>The aggregates whose states this partial holds.</summary>
    public IReadOnlyList<AggregateCall> Aggregates { get; }

    /// <summary>Per aggregate, its state columns.</summary>
    public IReadOnlyList<IReadOnlyList<Column>> States { get; }

    /// <summary>For row queries, the rows; null for aggregate partials.</summary>
    public ColumnBatch? Rows { get; }

    /// <summary>Rows read from storage to produce this partial (summed by merges).</summary>
    public long RowsScanned { get; }

    /// <summary>True when this partial holds groups rather than rows.</summary>
    public bool IsAggregate => Rows is null;

    /// <summary>An aggregate partial; state shapes are validated against the calls.</summary>
    public static PartialAggResult ForGroups(
        IReadOnlyList<DataType> keyTypes,
        IReadOnlyList<Column> keys,
        int groupCount,
        IReadOnlyList<AggregateCall> aggregates,
        IReadOnlyList<IReadOnlyList<Column>> states,
        long rowsScanned)
    {
        if (keys.Count != keyTypes.Count || states.Count != aggregates.Count)
        {
            throw new ArgumentException("A partial needs one key column per key type and one state per aggregate.");
        }

        for (var k = 0; k < keys.Count; k++)
        {
            if (keys[k].Length != groupCount || keys[k].Type != keyTypes[k])
            {
                throw new ArgumentException($"Key column {k} does not match {groupCount} groups of {keyTypes[k].SqlName()}.");
            }
        }

        for (var a = 0; a < aggregates.Count; a++)
        {
            var expected = AggregateStateLayout.StateTypes(aggregates[a]);
            if (states[a].Count != expected.Count)
            {
                throw new ArgumentException($"State of {aggregates[a]} has {states[a].Count} columns, expected {expected.Count}.");
            }

            for (var c = 0; c < expected.Count; c++)
            {
                var rowsOk = aggregates[a].Kind == AggregateKind.CountDistinct || states[a][c].Length == groupCount;
                if (states[a][c].Type != expected[c] || !rowsOk)
                {
                    throw new ArgumentException($"State column {c} of {aggregates[a]} has the wrong type or length.");
                }
            }
        }

        return new PartialAggResult(keyTypes, keys, groupCount, aggregates, states, null, rowsScanned);
    }

    /// <summary>A row partial.</summary>
    public static PartialAggResult ForRows(ColumnBatch rows, long rowsScanned) =>
        new([], [], 0, [], [], rows, rowsScanned);
}
