using Engine.Core.Aggregates;
using Engine.Core.Columns;

namespace Engine.Tests.Functions;

/// <summary>A host's own aggregate, as a plugin would write one: <c>sum_of_squares(x)</c> as DOUBLE, NULL over no values.</summary>
public sealed class SumOfSquaresFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "sum_of_squares";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        context.RequireNumeric(0);
        context.Cast(0, DataType.Double);
        return new Kernel();
    }

    private sealed class Kernel() : AggregateKernel(DataType.Double, [DataType.Double, DataType.Int64])
    {
        public override GroupedAccumulator CreateAccumulator() => new Accumulator();
    }

    private sealed class Accumulator : GroupedAccumulator
    {
        private double[] _sums = new double[16];
        private long[] _counts = new long[16];

        public override void EnsureGroups(int groupCount)
        {
            Grow(ref _sums, groupCount);
            Grow(ref _counts, groupCount);
        }

        public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
        {
            var x = (DoubleColumn)arguments[0];
            for (var i = 0; i < groupIds.Length; i++)
            {
                if (!x.IsNull(i))
                {
                    _sums[groupIds[i]] += x.Values[i] * x.Values[i];
                    _counts[groupIds[i]]++;
                }
            }
        }

        public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
        {
            var sums = ((DoubleColumn)state[0]).Values;
            var counts = ((Int64Column)state[1]).Values;
            for (var g = 0; g < groupMap.Length; g++)
            {
                _sums[groupMap[g]] += sums[g];
                _counts[groupMap[g]] += counts[g];
            }
        }

        public override IReadOnlyList<Column> ExportState(int groupCount) => [new DoubleColumn(_sums[..groupCount]), new Int64Column(_counts[..groupCount])];

        public override Column Finalize(int groupCount)
        {
            var present = new bool[groupCount];
            for (var g = 0; g < groupCount; g++)
            {
                present[g] = _counts[g] > 0;
            }

            return new DoubleColumn(_sums[..groupCount], ValidityFrom(present));
        }
    }
}
