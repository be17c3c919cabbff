using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Core.Aggregates;

/// <summary>
/// sum(x) and avg(x) over BIGINT: an exact int64 sum with a count. Overflow fails the query (as in
/// PostgreSQL) rather than wrapping; avg finalizes as sum / count in DOUBLE.
/// </summary>
internal sealed class SumInt64Accumulator(bool average) : GroupedAccumulator
{
    private long[] _sums = new long[16];
    private long[] _counts = new long[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _sums, groupCount);
        Grow(ref _counts, groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, Column? input, Column? second)
    {
        var column = (Int64Column)input!;
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
            sums[group] = Add(sums[group], values[i]);
            counts[group]++;
        }
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var sums = ((Int64Column)state[0]).Values;
        var counts = ((Int64Column)state[1]).Values;
        for (var g = 0; g < groupMap.Length; g++)
        {
            var target = groupMap[g];
            _sums[target] = Add(_sums[target], sums[g]);
            _counts[target] += counts[g];
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) =>
        [new Int64Column(_sums[..groupCount]), new Int64Column(_counts[..groupCount])];

    public override Column Finalize(int groupCount)
    {
        var present = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            present[g] = _counts[g] > 0;
        }

        if (!average)
        {
            return new Int64Column(_sums[..groupCount], ValidityFrom(present));
        }

        var averages = new double[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            averages[g] = present[g] ? (double)_sums[g] / _counts[g] : 0;
        }

        return new DoubleColumn(averages, ValidityFrom(present));
    }

    private static long Add(long left, long right)
    {
        var sum = left + right;
        if (((left ^ sum) & (right ^ sum)) < 0)
        {
            throw new QueryExecutionException($"Overflow in sum over BIGINT: {left} + {right} does not fit in 64 bits.");
        }

        return sum;
    }
}
