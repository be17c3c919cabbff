using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>min(x) / max(x) for any comparable type; doubles order NaN above every number, as DuckDB does.</summary>
internal sealed class MinMaxAccumulator(DataType type, bool maximum) : GroupedAccumulator
{
    private readonly GroupValues _values = GroupValues.Create(type);
    private bool[] _present = new bool[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _present, groupCount);
        _values.EnsureGroups(groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, Column? input, Column? second) => Accumulate(groupIds, input!);

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap) => Accumulate(groupMap, state[0]);

    public override IReadOnlyList<Column> ExportState(int groupCount) => [_values.ToColumn(_present.AsSpan(0, groupCount))];

    public override Column Finalize(int groupCount) => _values.ToColumn(_present.AsSpan(0, groupCount));

    private void Accumulate(ReadOnlySpan<int> groupIds, Column column)
    {
        var hasNulls = column.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (hasNulls && column.IsNull(i))
            {
                continue;
            }

            var group = groupIds[i];
            if (!_present[group])
            {
                _present[group] = true;
                _values.Set(group, column, i);
                continue;
            }

            var comparison = _values.CompareRowToGroup(column, i, group);
            if (maximum ? comparison > 0 : comparison < 0)
            {
                _values.Set(group, column, i);
            }
        }
    }
}
