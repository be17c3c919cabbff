using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>count(*) (no argument: every row counts) and count(x) (non-NULL values count).</summary>
internal sealed class CountAccumulator : GroupedAccumulator
{
    private long[] _counts = new long[16];

    public override void EnsureGroups(int groupCount) => Grow(ref _counts, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var counts = _counts;
        var input = arguments.Length == 0 ? null : arguments[0];
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

    public override void UpdateRun(int group, ReadOnlySpan<Column> arguments, int start, int length) =>
        _counts[group] += arguments.Length == 0 || !arguments[0].HasNulls ? length : length - arguments[0].Slice(start, length).NullCount;

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
