using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// approx_quantile(x, q): a <see cref="RelativeErrorSketch"/> per group over the finite non-NULL values
/// (NaN and ±Infinity are skipped, as DuckDB's t-digest skips them). State rows: one per non-empty bucket,
/// <c>[BIGINT group, BIGINT bucket, BIGINT count]</c>, merged by adding counts. Finalized as DOUBLE, or rounded
/// to BIGINT for BIGINT input; NULL for a group without values.
/// </summary>
/// <param name="resultType">BIGINT or DOUBLE, the argument's type.</param>
/// <param name="fraction">The fraction in [0, 1].</param>
internal sealed class ApproxQuantileAccumulator(DataType resultType, double fraction) : GroupedAccumulator
{
    private RelativeErrorSketch?[] _sketches = new RelativeErrorSketch?[16];

    public override void EnsureGroups(int groupCount) => Grow(ref _sketches, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var column = arguments[0];
        var check = column.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (check && column.IsNull(i))
            {
                continue;
            }

            var value = NumberAt(column, i);
            if (double.IsFinite(value))
            {
                (_sketches[groupIds[i]] ??= new RelativeErrorSketch()).Add(value);
            }
        }
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var groups = ((Int64Column)state[0]).Values;
        var buckets = ((Int64Column)state[1]).Values;
        var counts = ((Int64Column)state[2]).Values;
        for (var i = 0; i < groups.Length; i++)
        {
            var group = groups[i];
            if ((ulong)group >= (ulong)groupMap.Length)
            {
                throw new ArgumentException($"A sketch state names group {group} of {groupMap.Length}.", nameof(state));
            }

            (_sketches[groupMap[(int)group]] ??= new RelativeErrorSketch()).AddBucket(buckets[i], counts[i]);
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount)
    {
        var groups = new List<long>();
        var buckets = new List<long>();
        var counts = new List<long>();
        for (var g = 0; g < groupCount; g++)
        {
            foreach (var (bucket, count) in _sketches[g]?.Buckets() ?? [])
            {
                groups.Add(g);
                buckets.Add(bucket);
                counts.Add(count);
            }
        }

        return [new Int64Column([.. groups]), new Int64Column([.. buckets]), new Int64Column([.. counts])];
    }

    public override Column Finalize(int groupCount)
    {
        var values = new double[groupCount];
        var present = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            if (_sketches[g] is { Count: > 0 } sketch)
            {
                present[g] = true;
                values[g] = sketch.Quantile(fraction);
            }
        }

        if (resultType == DataType.Double)
        {
            return new DoubleColumn(values, ValidityFrom(present));
        }

        var rounded = new long[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            rounded[g] = (long)Math.Round(values[g], MidpointRounding.AwayFromZero);
        }

        return new Int64Column(rounded, ValidityFrom(present));
    }
}
