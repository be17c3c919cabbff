using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>regr_count(y, x): per group the rows where neither argument is NULL. State: [BIGINT count]; 0 over none.</summary>
internal sealed class PairCountAccumulator : GroupedAccumulator
{
    private long[] _counts = new long[16];

    public override void EnsureGroups(int groupCount) => Grow(ref _counts, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var ys = arguments[0];
        var xs = arguments[1];
        var check = ys.HasNulls || xs.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (!check || !(ys.IsNull(i) || xs.IsNull(i)))
            {
                _counts[groupIds[i]]++;
            }
        }
    }

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
