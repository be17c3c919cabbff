using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>
/// var_pop / var_samp / stddev_pop / stddev_samp. State (n, mean, M2) updated with Welford's method and
/// merged with Chan et al.'s parallel formula, so the result does not depend on how rows were split.
/// </summary>
internal sealed class VarianceAccumulator(AggregateKind kind) : GroupedAccumulator
{
    private long[] _counts = new long[16];
    private double[] _means = new double[16];
    private double[] _m2 = new double[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _counts, groupCount);
        Grow(ref _means, groupCount);
        Grow(ref _m2, groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, Column? input, Column? second)
    {
        var column = input!;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (column.IsNull(i))
            {
                continue;
            }

            var value = column is DoubleColumn d ? d.Values[i] : ((Int64Column)column).Values[i];
            var group = groupIds[i];
            var n = ++_counts[group];
            var delta = value - _means[group];
            _means[group] += delta / n;
            _m2[group] += delta * (value - _means[group]);
        }
    }

    /// <summary>One group's run: its (n, mean, M2) by two passes over the span, merged with Chan's formula.</summary>
    public override void UpdateRun(int group, Column? input, Column? second, int start, int length)
    {
        if (input is not DoubleColumn column || column.HasNulls || length == 0)
        {
            base.UpdateRun(group, input, second, start, length);
            return;
        }

        var values = column.Values.Slice(start, length);
        var mean = SpanKernels.Sum(values) / length;
        double m2 = 0;
        foreach (var value in values)
        {
            var delta = value - mean;
            m2 += delta * delta;
        }

        var n1 = _counts[group];
        var n = n1 + length;
        var shift = mean - _means[group];
        _means[group] += shift * length / n;
        _m2[group] += m2 + (shift * shift * n1 * length / n);
        _counts[group] = n;
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var counts = ((Int64Column)state[0]).Values;
        var means = ((DoubleColumn)state[1]).Values;
        var m2 = ((DoubleColumn)state[2]).Values;
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (counts[g] == 0)
            {
                continue;
            }

            var target = groupMap[g];
            var n1 = _counts[target];
            var n2 = counts[g];
            var n = n1 + n2;
            var delta = means[g] - _means[target];
            _means[target] += delta * n2 / n;
            _m2[target] += m2[g] + (delta * delta * n1 * n2 / n);
            _counts[target] = n;
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) =>
        [new Int64Column(_counts[..groupCount]), new DoubleColumn(_means[..groupCount]), new DoubleColumn(_m2[..groupCount])];

    public override Column Finalize(int groupCount)
    {
        var sample = kind is AggregateKind.VarSamp or AggregateKind.StddevSamp;
        var root = kind is AggregateKind.StddevPop or AggregateKind.StddevSamp;
        var values = new double[groupCount];
        var present = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            var n = _counts[g];
            present[g] = sample ? n > 1 : n > 0;
            if (!present[g])
            {
                continue;
            }

            var variance = Math.Max(0, _m2[g] / (sample ? n - 1 : n));
            values[g] = root ? Math.Sqrt(variance) : variance;
        }

        return new DoubleColumn(values, ValidityFrom(present));
    }
}
