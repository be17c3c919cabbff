using Engine.Core.Aggregates;
using Engine.Core.Columns;

namespace Engine.Core.Execution;

/// <summary>
/// Groups a fragment aggregated: key columns and, per aggregate, its intermediate state columns (their
/// layout is the aggregate kernel's <see cref="AggregateKernel.StateTypes"/>). A partial with no groups and
/// no keys is the identity of merging, except that a global aggregate (no keys) always has its one group.
/// </summary>
public sealed class GroupPartial : PartialResult
{
    /// <summary>Creates a partial; key and state shapes are checked against the types and the calls.</summary>
    /// <exception cref="ArgumentException">A column has the wrong type or length.</exception>
    public GroupPartial(
        IReadOnlyList<DataType> keyTypes,
        IReadOnlyList<Column> keys,
        int groupCount,
        IReadOnlyList<AggregateCall> aggregates,
        IReadOnlyList<IReadOnlyList<Column>> states,
        long rowsScanned)
        : base(rowsScanned)
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
            var kernel = aggregates[a].Kernel;
            var expected = kernel.StateTypes;
            if (states[a].Count != expected.Count)
            {
                throw new ArgumentException($"State of {aggregates[a]} has {states[a].Count} columns, expected {expected.Count}.");
            }

            var rows = states[a].Count == 0 ? 0 : states[a][0].Length;
            for (var c = 0; c < expected.Count; c++)
            {
                var lengthOk = kernel.StateHasRowPerGroup ? states[a][c].Length == groupCount : states[a][c].Length == rows;
                if (states[a][c].Type != expected[c] || !lengthOk)
                {
                    throw new ArgumentException($"State column {c} of {aggregates[a]} has the wrong type or length.");
                }
            }
        }

        KeyTypes = keyTypes;
        Keys = keys;
        GroupCount = groupCount;
        Aggregates = aggregates;
        States = states;
    }

    /// <summary>The types of the group-key columns.</summary>
    public IReadOnlyList<DataType> KeyTypes { get; }

    /// <summary>Group-key columns, <see cref="GroupCount"/> rows each.</summary>
    public IReadOnlyList<Column> Keys { get; }

    /// <summary>The number of groups.</summary>
    public int GroupCount { get; }

    /// <summary>The aggregates whose states this partial holds.</summary>
    public IReadOnlyList<AggregateCall> Aggregates { get; }

    /// <summary>Per aggregate, its state columns.</summary>
    public IReadOnlyList<IReadOnlyList<Column>> States { get; }
}
