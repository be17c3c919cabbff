using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// var_pop / var_samp / stddev_pop / stddev_samp. State (n, mean, M2) updated with Welford's method and
/// merged with Chan et al.'s parallel formula, so the result does not depend on how rows were split. A
/// merge into an empty group copies the other state, so huge means (above ~1e154, whose square overflows)
/// do not turn 0 × Infinity into NaN.
/// </summary>
/// <param name="sample">Divide by n − 1 (NULL below two values) instead of n.</param>
/// <param name="root">Finalize as the standard deviation instead of the variance.</param>
internal sealed class VarianceAccumulator(bool sample, bool root) : GroupedAccumulator
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

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var column = arguments[0];
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
    public override void UpdateRun(int group, ReadOnlySpan<Column> arguments, int start, int length)
    {
        if (arguments[0] is not DoubleColumn column || column.HasNulls || length == 0)
        {
            base.UpdateRun(group, arguments, start, length);
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

        Combine(group, length, mean, m2);
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

            Combine(groupMap[g], counts[g], means[g], m2[g]);
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) =>
        [new Int64Column(_counts[..groupCount]), new DoubleColumn(_means[..groupCount]), new DoubleColumn(_m2[..groupCount])];

    public override Column Finalize(int groupCount)
    {
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

    // Chan et al.: (n1, mean1, M2_1) + (n2, mean2, M2_2).
    private void Combine(int group, long n2, double mean2, double m2)
    {
        var n1 = _counts[group];
        if (n1 == 0)
        {
            _counts[group] = n2;
            _means[group] = mean2;
            _m2[group] = m2;
            return;
        }

        var n = n1 + n2;
        var delta = mean2 - _means[group];
        _means[group] += delta * n2 / n;
        _m2[group] += m2 + (delta * delta * n1 * n2 / n);
        _counts[group] = n;
    }
}
