using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>vwap(price, volume) = sum(price × volume) / sum(volume) over rows where both are not NULL.</summary>
internal sealed class VwapAccumulator : GroupedAccumulator
{
    private double[] _weighted = new double[16];
    private double[] _volumes = new double[16];
    private long[] _counts = new long[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _weighted, groupCount);
        Grow(ref _volumes, groupCount);
        Grow(ref _counts, groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var prices = arguments[0];
        var volumes = arguments[1];
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (prices.IsNull(i) || volumes.IsNull(i))
            {
                continue;
            }

            var price = prices is DoubleColumn p ? p.Values[i] : ((Int64Column)prices).Values[i];
            var volume = volumes is DoubleColumn v ? v.Values[i] : ((Int64Column)volumes).Values[i];
            var group = groupIds[i];
            _weighted[group] += price * volume;
            _volumes[group] += volume;
            _counts[group]++;
        }
    }

    /// <summary>One group's run of DOUBLE prices and BIGINT volumes without NULLs, summed in one vectorized pass.</summary>
    public override void UpdateRun(int group, ReadOnlySpan<Column> arguments, int start, int length)
    {
        if (arguments[0] is not DoubleColumn prices || arguments[1] is not Int64Column volumes || prices.HasNulls || volumes.HasNulls)
        {
            base.UpdateRun(group, arguments, start, length);
            return;
        }

        var (weighted, total) = SpanKernels.SumWeighted(prices.Values.Slice(start, length), volumes.Values.Slice(start, length));
        _weighted[group] += weighted;
        _volumes[group] += total;
        _counts[group] += length;
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var weighted = ((DoubleColumn)state[0]).Values;
        var volumes = ((DoubleColumn)state[1]).Values;
        var counts = ((Int64Column)state[2]).Values;
        for (var g = 0; g < groupMap.Length; g++)
        {
            var target = groupMap[g];
            _weighted[target] += weighted[g];
            _volumes[target] += volumes[g];
            _counts[target] += counts[g];
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) =>
        [new DoubleColumn(_weighted[..groupCount]), new DoubleColumn(_volumes[..groupCount]), new Int64Column(_counts[..groupCount])];

    public override Column Finalize(int groupCount)
    {
        var values = new double[groupCount];
        var present = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            present[g] = _counts[g] > 0;
            values[g] = present[g] ? _weighted[g] / _volumes[g] : 0;
        }

        return new DoubleColumn(values, ValidityFrom(present));
    }
}
