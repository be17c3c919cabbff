using System.Runtime.InteropServices;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

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

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments) => Accumulate(groupIds, arguments[0]);

    public override void UpdateRun(int group, ReadOnlySpan<Column> arguments, int start, int length)
    {
        var column = arguments[0];
        int best;
        if (column.HasNulls || length == 0)
        {
            best = -1;
        }
        else if (column is Int64Column longs)
        {
            var values = longs.Values.Slice(start, length);
            best = values.IndexOf(SpanKernels.Extreme(values, maximum));
        }
        else if (column is DoubleColumn doubles)
        {
            // NaN and signed zeros order differently in vector min/max: those runs take the row path.
            var values = doubles.Values.Slice(start, length);
            var extreme = SpanKernels.ExtremeNative(values, maximum, out var hasNaN);
            // Not zero and not NaN, so equal values have equal bits: the vectorized integer search finds it.
            best = extreme == 0 || hasNaN ? -1 : MemoryMarshal.Cast<double, long>(values).IndexOf(BitConverter.DoubleToInt64Bits(extreme));
        }
        else
        {
            best = -1;
        }

        if (best < 0)
        {
            base.UpdateRun(group, arguments, start, length);
            return;
        }

        var row = start + best;
        if (!_present[group])
        {
            _present[group] = true;
            _values.Set(group, column, row);
            return;
        }

        var comparison = _values.CompareRowToGroup(column, row, group);
        if (maximum ? comparison > 0 : comparison < 0)
        {
            _values.Set(group, column, row);
        }
    }

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
