using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>
/// first(x) / last(x): the value at the earliest / latest time among rows where x and the time are not
/// NULL — by the time column, never by arrival order, so any split into fragments gives the same answer.
/// Equal times are broken by the value (the smaller for first, the larger for last) to stay deterministic.
/// </summary>
internal sealed class FirstLastAccumulator(DataType type, bool last) : GroupedAccumulator
{
    private readonly GroupValues _values = GroupValues.Create(type);
    private long[] _times = new long[16];
    private bool[] _present = new bool[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _times, groupCount);
        Grow(ref _present, groupCount);
        _values.EnsureGroups(groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, Column? input, Column? second) =>
        Accumulate(groupIds, input!, (Int64Column)second!);

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap) =>
        Accumulate(groupMap, state[0], (Int64Column)state[1]);

    public override IReadOnlyList<Column> ExportState(int groupCount)
    {
        var present = _present.AsSpan(0, groupCount);
        var validity = ValidityFrom(present);
        return [_values.ToColumn(present), new Int64Column(_times[..groupCount], validity, DataType.Timestamp)];
    }

    public override Column Finalize(int groupCount) => _values.ToColumn(_present.AsSpan(0, groupCount));

    private void Accumulate(ReadOnlySpan<int> groupIds, Column values, Int64Column times)
    {
        var timeValues = times.Values;
        var check = values.HasNulls || times.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (check && (values.IsNull(i) || times.IsNull(i)))
            {
                continue;
            }

            var group = groupIds[i];
            var time = timeValues[i];
            bool replace;
            if (!_present[group])
            {
                replace = true;
            }
            else if (time != _times[group])
            {
                replace = last ? time > _times[group] : time < _times[group];
            }
            else
            {
                var comparison = _values.CompareRowToGroup(values, i, group);
                replace = last ? comparison > 0 : comparison < 0;
            }

            if (replace)
            {
                _present[group] = true;
                _times[group] = time;
                _values.Set(group, values, i);
            }
        }
    }
}
