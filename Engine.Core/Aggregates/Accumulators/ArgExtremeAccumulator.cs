using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// arg_min(x, by) / arg_max(x, by): x at the row with the smallest / largest <c>by</c>, over rows where
/// neither is NULL (as DuckDB does); doubles order NaN above every number. Equal <c>by</c> values are broken
/// by the smaller x (arg_min) or the larger x (arg_max), so any split into fragments gives the same answer.
/// </summary>
internal sealed class ArgExtremeAccumulator(DataType valueType, DataType byType, bool maximum) : GroupedAccumulator
{
    private readonly GroupValues _values = GroupValues.Create(valueType);
    private readonly GroupValues _by = GroupValues.Create(byType);
    private bool[] _present = new bool[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _present, groupCount);
        _values.EnsureGroups(groupCount);
        _by.EnsureGroups(groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments) => Accumulate(groupIds, arguments[0], arguments[1]);

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap) => Accumulate(groupMap, state[0], state[1]);

    public override IReadOnlyList<Column> ExportState(int groupCount)
    {
        var present = _present.AsSpan(0, groupCount);
        return [_values.ToColumn(present), _by.ToColumn(present)];
    }

    public override Column Finalize(int groupCount) => _values.ToColumn(_present.AsSpan(0, groupCount));

    private void Accumulate(ReadOnlySpan<int> groupIds, Column values, Column by)
    {
        var check = values.HasNulls || by.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (check && (values.IsNull(i) || by.IsNull(i)))
            {
                continue;
            }

            var group = groupIds[i];
            bool replace;
            if (!_present[group])
            {
                replace = true;
            }
            else
            {
                var comparison = _by.CompareRowToGroup(by, i, group);
                if (comparison == 0)
                {
                    comparison = _values.CompareRowToGroup(values, i, group);
                }

                replace = maximum ? comparison > 0 : comparison < 0;
            }

            if (replace)
            {
                _present[group] = true;
                _values.Set(group, values, i);
                _by.Set(group, by, i);
            }
        }
    }
}
