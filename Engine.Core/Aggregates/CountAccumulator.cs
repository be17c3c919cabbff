using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>count(*) (no input: every row counts) and count(x) (non-NULL values count).</summary>
internal sealed class CountAccumulator : GroupedAccumulator
{
    private long[] _counts = new long[16];

    public override void EnsureGroups(int groupCount) => Grow(ref _counts, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, Column? input, Column? second)
    {
        var counts = _counts;
        if (input is null || !input.HasNulls)
        {
            foreach (var group in groupIds)
            {
                counts[group]++;
            }

            return;
        }

        for (var i = 0; i < groupIds.Length; i++)
        {
            if (!input.IsNull(i))
            {
                counts[groupIds[i]]++;
            }
        }
    }

    public override void UpdateRun(int group, Column? input, Column? second, int start, int length) =>
        _counts[group] += input is null || !input.HasNulls ? length : length - input.Slice(start, length).NullCount;

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var other = ((Int64Column)state[0]).Values;
        for (var g = 0; g < groupMap.Length; g++)
        {
            _counts[groupMap[g]] += other[g];
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) => [new Int64Column(_counts[..groupCount])];

    public override Column Finalize(int groupCount) => new Int64Column(_counts[..groupCount]);
}
