using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

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

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments) =>
        Accumulate(groupIds, arguments[0], (Int64Column)arguments[1]);

    /// <summary>
    /// One group's run: the row at the run's latest (earliest) time is found with a vector max (min) over the
    /// times — for sorted timestamps that is the run's last (first) row — and offered to the group once. Runs
    /// with NULLs or a repeated extreme time take the row path, which breaks ties by value.
    /// </summary>
    public override void UpdateRun(int group, ReadOnlySpan<Column> arguments, int start, int length)
    {
        var values = arguments[0];
        var times = (Int64Column)arguments[1];
        if (values.HasNulls || times.HasNulls || length == 0)
        {
            base.UpdateRun(group, arguments, start, length);
            return;
        }

        var span = times.Values.Slice(start, length);
        int index;
        var sorted = times.IsSortedAscending || Execution.SortedRangeFilter.IsAscending(span);
        if (sorted)
        {
            index = last ? length - 1 : 0;
            if (length > 1 && span[index] == span[last ? index - 1 : 1])
            {
                index = -1;
            }
        }
        else
        {
            var extreme = SpanKernels.Extreme(span, last);
            index = span.IndexOf(extreme);
            if (index >= 0 && span.LastIndexOf(extreme) != index)
            {
                index = -1;
            }
        }

        if (index < 0)
        {
            base.UpdateRun(group, arguments, start, length);
            return;
        }

        var row = start + index;
        var time = span[index];
        var replace = !_present[group]
            || (time != _times[group] ? (last ? time > _times[group] : time < _times[group])
                                      : (last ? _values.CompareRowToGroup(values, row, group) > 0 : _values.CompareRowToGroup(values, row, group) < 0));
        if (replace)
        {
            _present[group] = true;
            _times[group] = time;
            _values.Set(group, values, row);
        }
    }

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
