using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>sum(x) and avg(x) over DOUBLE: a double sum with a count; avg finalizes as sum / count.</summary>
internal sealed class SumDoubleAccumulator(bool average) : GroupedAccumulator
{
    private double[] _sums = new double[16];
    private long[] _counts = new long[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _sums, groupCount);
        Grow(ref _counts, groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, Column? input, Column? second)
    {
        var column = (DoubleColumn)input!;
        var values = column.Values;
        var hasNulls = column.HasNulls;
        var sums = _sums;
        var counts = _counts;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (hasNulls && column.IsNull(i))
            {
                continue;
            }

            var group = groupIds[i];
            sums[group] += values[i];
            counts[group]++;
        }
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var sums = ((DoubleColumn)state[0]).Values;
        var counts = ((Int64Column)state[1]).Values;
        for (var g = 0; g < groupMap.Length; g++)
        {
            var target = groupMap[g];
            _sums[target] += sums[g];
            _counts[target] += counts[g];
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) =>
        [new DoubleColumn(_sums[..groupCount]), new Int64Column(_counts[..groupCount])];

    public override Column Finalize(int groupCount)
    {
        var present = new bool[groupCount];
        var values = new double[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            present[g] = _counts[g] > 0;
            values[g] = average && present[g] ? _sums[g] / _counts[g] : _sums[g];
        }

        return new DoubleColumn(values, ValidityFrom(present));
    }
}
