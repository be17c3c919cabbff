using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>bool_and / bool_or over the non-NULL values of each group; NULL when a group has none.</summary>
internal sealed class BoolAccumulator(bool conjunction) : GroupedAccumulator
{
    private bool[] _values = new bool[16];
    private bool[] _present = new bool[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _values, groupCount);
        Grow(ref _present, groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments) => Accumulate(groupIds, (BoolColumn)arguments[0]);

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap) => Accumulate(groupMap, (BoolColumn)state[0]);

    public override IReadOnlyList<Column> ExportState(int groupCount) => [Finalize(groupCount)];

    public override Column Finalize(int groupCount) =>
        BoolColumn.FromValues(_values.AsSpan(0, groupCount), ValidityFrom(_present.AsSpan(0, groupCount)));

    private void Accumulate(ReadOnlySpan<int> groupIds, BoolColumn column)
    {
        var hasNulls = column.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (hasNulls && column.IsNull(i))
            {
                continue;
            }

            var group = groupIds[i];
            var value = column.GetValue(i);
            _values[group] = _present[group] ? (conjunction ? _values[group] && value : _values[group] || value) : value;
            _present[group] = true;
        }
    }
}
