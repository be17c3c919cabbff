using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// The covariance, correlation and regression aggregates of (y, x): per group the <see cref="CoMoments"/> of
/// the pairs where neither value is NULL, updated one pair at a time (Welford) and merged with Chan et al.'s
/// pairwise formulas, so the answer does not depend on how rows were split. State: [BIGINT n, DOUBLE mean x,
/// DOUBLE mean y, DOUBLE C, DOUBLE M2x, DOUBLE M2y]. A merge into an empty group copies the other state.
/// </summary>
/// <param name="finalize">The DOUBLE answer of a group that has at least one pair, or null for NULL; an empty group is NULL.</param>
internal sealed class CoMomentAccumulator(Func<CoMoments, double?> finalize) : GroupedAccumulator
{
    /// <summary>The state column types.</summary>
    public static readonly IReadOnlyList<DataType> StateTypes =
        [DataType.Int64, DataType.Double, DataType.Double, DataType.Double, DataType.Double, DataType.Double];

    private long[] _counts = new long[16];
    private double[] _meanX = new double[16];
    private double[] _meanY = new double[16];
    private double[] _c = new double[16];
    private double[] _m2X = new double[16];
    private double[] _m2Y = new double[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _counts, groupCount);
        Grow(ref _meanX, groupCount);
        Grow(ref _meanY, groupCount);
        Grow(ref _c, groupCount);
        Grow(ref _m2X, groupCount);
        Grow(ref _m2Y, groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var ys = arguments[0];
        var xs = arguments[1];
        var check = ys.HasNulls || xs.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (check && (ys.IsNull(i) || xs.IsNull(i)))
            {
                continue;
            }

            var y = NumberAt(ys, i);
            var x = NumberAt(xs, i);
            var g = groupIds[i];
            var n = ++_counts[g];
            var dx = x - _meanX[g];
            var dy = y - _meanY[g];
            _meanX[g] += dx / n;
            _meanY[g] += dy / n;
            _c[g] += dx * (y - _meanY[g]);
            _m2X[g] += dx * (x - _meanX[g]);
            _m2Y[g] += dy * (y - _meanY[g]);
        }
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var counts = ((Int64Column)state[0]).Values;
        var meanX = ((DoubleColumn)state[1]).Values;
        var meanY = ((DoubleColumn)state[2]).Values;
        var c = ((DoubleColumn)state[3]).Values;
        var m2X = ((DoubleColumn)state[4]).Values;
        var m2Y = ((DoubleColumn)state[5]).Values;
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (counts[g] > 0)
            {
                Combine(groupMap[g], new CoMoments(counts[g], meanX[g], meanY[g], c[g], m2X[g], m2Y[g]));
            }
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) =>
    [
        new Int64Column(_counts[..groupCount]), new DoubleColumn(_meanX[..groupCount]), new DoubleColumn(_meanY[..groupCount]),
        new DoubleColumn(_c[..groupCount]), new DoubleColumn(_m2X[..groupCount]), new DoubleColumn(_m2Y[..groupCount]),
    ];

    public override Column Finalize(int groupCount)
    {
        var values = new double[groupCount];
        var present = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            if (_counts[g] == 0)
            {
                continue;
            }

            var value = finalize(new CoMoments(_counts[g], _meanX[g], _meanY[g], _c[g], _m2X[g], _m2Y[g]));
            present[g] = value.HasValue;
            values[g] = value.GetValueOrDefault();
        }

        return new DoubleColumn(values, ValidityFrom(present));
    }

    private void Combine(int g, CoMoments other)
    {
        var n1 = _counts[g];
        if (n1 == 0)
        {
            (_counts[g], _meanX[g], _meanY[g], _c[g], _m2X[g], _m2Y[g]) = other;
            return;
        }

        var n2 = other.Count;
        var n = n1 + n2;
        var dx = other.MeanX - _meanX[g];
        var dy = other.MeanY - _meanY[g];
        var weight = (double)n1 * n2 / n;
        _meanX[g] += dx * n2 / n;
        _meanY[g] += dy * n2 / n;
        _c[g] += other.CoMoment + (dx * dy * weight);
        _m2X[g] += other.M2X + (dx * dx * weight);
        _m2Y[g] += other.M2Y + (dy * dy * weight);
        _counts[g] = n;
    }
}
