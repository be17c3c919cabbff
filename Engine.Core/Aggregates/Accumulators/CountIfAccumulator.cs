using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// count_if(b): the true values of each group, summed as DuckDB sums them (NULL when the group has no
/// non-NULL value). State: [BIGINT trues, BIGINT non-NULL values].
/// </summary>
internal sealed class CountIfAccumulator : GroupedAccumulator
{
    private long[] _trues = new long[16];
    private long[] _values = new long[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _trues, groupCount);
        Grow(ref _values, groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var column = (BoolColumn)arguments[0];
        var hasNulls = column.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (hasNulls && column.IsNull(i))
            {
                continue;
            }

            var group = groupIds[i];
            _values[group]++;
            _trues[group] += column.GetValue(i) ? 1 : 0;
        }
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var trues = ((Int64Column)state[0]).Values;
        var values = ((Int64Column)state[1]).Values;
        for (var g = 0; g < groupMap.Length; g++)
        {
            _trues[groupMap[g]] += trues[g];
            _values[groupMap[g]] += values[g];
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) =>
        [new Int64Column(_trues[..groupCount]), new Int64Column(_values[..groupCount])];

    public override Column Finalize(int groupCount)
    {
        var present = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            present[g] = _values[g] > 0;
        }

        return new Int64Column(_trues[..groupCount], ValidityFrom(present));
    }
}
