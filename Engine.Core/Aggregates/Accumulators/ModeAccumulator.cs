using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// mode(x): per group a count per distinct non-NULL value, exported as state rows
/// <c>[BIGINT group, value, BIGINT count]</c> and merged by adding counts. The answer is the most frequent
/// value; among equally frequent ones the smallest (in DuckDB's order) wins, so every split of the rows gives
/// the same answer. (DuckDB picks the one it saw first, which depends on its scan order and threads.)
/// </summary>
internal sealed class ModeAccumulator<T, TKind>(DataType valueType) : GroupedAccumulator
    where T : notnull
    where TKind : IValueKind<T>
{
    private Dictionary<T, long>?[] _counts = new Dictionary<T, long>?[16];

    public override void EnsureGroups(int groupCount) => Grow(ref _counts, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var values = arguments[0];
        var check = values.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (!check || !values.IsNull(i))
            {
                Add(groupIds[i], TKind.Read(values, i), 1);
            }
        }
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var groups = ((Int64Column)state[0]).Values;
        var values = state[1];
        var counts = ((Int64Column)state[2]).Values;
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            if ((ulong)group >= (ulong)groupMap.Length)
            {
                throw new ArgumentException($"A mode state names group {group} of {groupMap.Length}.", nameof(state));
            }

            if (!values.IsNull(i) && counts[i] > 0)
            {
                Add(groupMap[(int)group], TKind.Read(values, i), counts[i]);
            }
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount)
    {
        var total = 0;
        for (var g = 0; g < groupCount; g++)
        {
            total += _counts[g]?.Count ?? 0;
        }

        var groups = new long[total];
        var values = new T[total];
        var counts = new long[total];
        var at = 0;
        for (var g = 0; g < groupCount; g++)
        {
            foreach (var (value, count) in _counts[g] ?? [])
            {
                groups[at] = g;
                values[at] = value;
                counts[at++] = count;
            }
        }

        return [new Int64Column(groups), TKind.Build(values, null, valueType), new Int64Column(counts)];
    }

    public override Column Finalize(int groupCount)
    {
        var modes = new T[groupCount];
        var present = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            long best = 0;
            foreach (var (value, count) in _counts[g] ?? [])
            {
                if (count > best || (count == best && TKind.Compare(value, modes[g]) < 0))
                {
                    best = count;
                    modes[g] = value;
                    present[g] = true;
                }
            }
        }

        return TKind.Build(modes, ValidityFrom(present), valueType);
    }

    private void Add(int group, T value, long count)
    {
        var counts = _counts[group] ??= [];
        counts[value] = counts.GetValueOrDefault(value) + count;
    }
}
