using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>count(DISTINCT x): an exact set of non-NULL values per group.</summary>
internal sealed class CountDistinctAccumulator(DataType type) : GroupedAccumulator
{
    private HashSet<ScalarValue>?[] _sets = new HashSet<ScalarValue>?[16];

    public override void EnsureGroups(int groupCount) => Grow(ref _sets, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, Column? input, Column? second)
    {
        var column = input!;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (!column.IsNull(i))
            {
                Add(groupIds[i], Normalize(column.GetScalar(i)));
            }
        }
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var groups = ((Int64Column)state[0]).Values;
        var values = state[1];
        for (var i = 0; i < groups.Length; i++)
        {
            Add(groupMap[checked((int)groups[i])], values.GetScalar(i));
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount)
    {
        var groups = new ColumnBuilder(DataType.Int64);
        var values = new ColumnBuilder(type);
        for (var g = 0; g < groupCount; g++)
        {
            if (_sets[g] is not { } set)
            {
                continue;
            }

            foreach (var value in set)
            {
                groups.AppendInt64(g);
                values.Append(value);
            }
        }

        return [groups.Build(), values.Build()];
    }

    public override Column Finalize(int groupCount)
    {
        var counts = new long[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            counts[g] = _sets[g]?.Count ?? 0;
        }

        return new Int64Column(counts);
    }

    private void Add(int group, ScalarValue value) => (_sets[group] ??= []).Add(value);

    // -0.0 and 0.0 are one value, and so are all NaNs, as in DuckDB.
    private static ScalarValue Normalize(ScalarValue value) =>
        value.Type == DataType.Double && !value.IsNull && (value.DoubleValue == 0 || double.IsNaN(value.DoubleValue))
            ? ScalarValue.FromDouble(double.IsNaN(value.DoubleValue) ? double.NaN : 0.0)
            : value;
}
