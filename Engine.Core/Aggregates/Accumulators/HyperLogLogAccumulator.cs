using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// approx_count_distinct(x): a <see cref="HyperLogLog"/> sketch per group (allocated at the group's first
/// non-NULL value). State rows: one per non-zero register, <c>[BIGINT group, BIGINT register · 256 + rank]</c>,
/// merged by taking the larger rank, so a merge in any order gives the same registers. Finalized as the
/// rounded estimate, 0 for a group without values.
/// </summary>
internal sealed class HyperLogLogAccumulator : GroupedAccumulator
{
    private byte[]?[] _sketches = new byte[]?[16];

    public override void EnsureGroups(int groupCount) => Grow(ref _sketches, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var column = arguments[0];
        var check = column.HasNulls;
        switch (column)
        {
            case Int64Column longs:
                var values = longs.Values;
                for (var i = 0; i < groupIds.Length; i++)
                {
                    if (!check || !column.IsNull(i))
                    {
                        HyperLogLog.Add(Sketch(groupIds[i]), HyperLogLog.Hash(values[i]));
                    }
                }

                break;
            case DoubleColumn doubles:
                var numbers = doubles.Values;
                for (var i = 0; i < groupIds.Length; i++)
                {
                    if (!check || !column.IsNull(i))
                    {
                        HyperLogLog.Add(Sketch(groupIds[i]), HyperLogLog.Hash(numbers[i]));
                    }
                }

                break;
            case StringColumn strings:
                AddStrings(groupIds, strings);
                break;
            default:
                var bools = (BoolColumn)column;
                for (var i = 0; i < groupIds.Length; i++)
                {
                    if (!check || !column.IsNull(i))
                    {
                        HyperLogLog.Add(Sketch(groupIds[i]), HyperLogLog.Hash(bools.GetValue(i) ? 1L : 0L));
                    }
                }

                break;
        }
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var groups = ((Int64Column)state[0]).Values;
        var entries = ((Int64Column)state[1]).Values;
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            var register = entries[i] >> 8;
            var rank = entries[i] & 0xFF;
            if ((ulong)group >= (ulong)groupMap.Length || (ulong)register >= HyperLogLog.Registers || rank is < 1 or > HyperLogLog.MaxRank)
            {
                throw new ArgumentException($"A HyperLogLog state row (group {group}, entry {entries[i]}) is out of range for {groupMap.Length} groups.", nameof(state));
            }

            var sketch = Sketch(groupMap[(int)group]);
            sketch[(int)register] = Math.Max(sketch[(int)register], (byte)rank);
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount)
    {
        var groups = new List<long>();
        var entries = new List<long>();
        for (var g = 0; g < groupCount; g++)
        {
            if (_sketches[g] is not { } sketch)
            {
                continue;
            }

            for (var r = 0; r < sketch.Length; r++)
            {
                if (sketch[r] != 0)
                {
                    groups.Add(g);
                    entries.Add(((long)r << 8) | sketch[r]);
                }
            }
        }

        return [new Int64Column([.. groups]), new Int64Column([.. entries])];
    }

    public override Column Finalize(int groupCount)
    {
        var estimates = new long[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            estimates[g] = _sketches[g] is { } sketch ? (long)Math.Round(HyperLogLog.Estimate(sketch)) : 0;
        }

        return new Int64Column(estimates);
    }

    // One hash per dictionary entry when the dictionary is no larger than the rows, else one per row.
    private void AddStrings(ReadOnlySpan<int> groupIds, StringColumn strings)
    {
        var codes = strings.Codes;
        var dictionary = strings.Dictionary;
        var check = strings.HasNulls;
        ulong[]? hashes = null;
        if (dictionary.Count <= groupIds.Length)
        {
            hashes = new ulong[dictionary.Count];
            for (var d = 0; d < hashes.Length; d++)
            {
                hashes[d] = HyperLogLog.Hash(dictionary[d]);
            }
        }

        for (var i = 0; i < groupIds.Length; i++)
        {
            if (!check || !strings.IsNull(i))
            {
                HyperLogLog.Add(Sketch(groupIds[i]), hashes is null ? HyperLogLog.Hash(dictionary[codes[i]]) : hashes[codes[i]]);
            }
        }
    }

    private byte[] Sketch(int group) => _sketches[group] ??= new byte[HyperLogLog.Registers];
}
