using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// sum(x) and avg(x) over BIGINT (<c>long</c>) or DOUBLE (<c>double</c>): a sum with a count per group.
/// BIGINT sums are exact; overflow fails the query (as in PostgreSQL) rather than wrapping. avg finalizes
/// as sum / count in DOUBLE. Runs of one group are summed with <see cref="SpanKernels"/>.
/// </summary>
/// <typeparam name="T"><c>long</c> or <c>double</c>.</typeparam>
internal sealed class SumAccumulator<T>(bool average) : GroupedAccumulator
    where T : unmanaged, INumber<T>
{
    private T[] _sums = new T[16];
    private long[] _counts = new long[16];

    public override void EnsureGroups(int groupCount)
    {
        Grow(ref _sums, groupCount);
        Grow(ref _counts, groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var column = arguments[0];
        var values = ValuesOf(column);
        var hasNulls = column.HasNulls;
        var sums = _sums;
        var counts = _counts;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (hasNulls && column.IsNull(i))
            {
                continue;
            }

            var group = groupIds[i];
            sums[group] = Add(sums[group], values[i]);
            counts[group]++;
        }
    }

    public override void UpdateRun(int group, ReadOnlySpan<Column> arguments, int start, int length)
    {
        var column = arguments[0];
        if (column.HasNulls)
        {
            base.UpdateRun(group, arguments, start, length);
            return;
        }

        var values = ValuesOf(column).Slice(start, length);
        if (typeof(T) == typeof(double))
        {
            var sum = SpanKernels.Sum(MemoryMarshal.Cast<T, double>(values));
            _sums[group] += T.CreateTruncating(sum);
        }
        else if (SpanKernels.TrySum(MemoryMarshal.Cast<T, long>(values), out var sum))
        {
            _sums[group] = Add(_sums[group], T.CreateTruncating(sum));
        }
        else
        {
            // A lane wrapped: redo the run in order so the error names the same operands as the row path.
            var total = _sums[group];
            foreach (var value in values)
            {
                total = Add(total, value);
            }

            _sums[group] = total;
        }

        _counts[group] += length;
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var sums = ValuesOf(state[0]);
        var counts = ((Int64Column)state[1]).Values;
        for (var g = 0; g < groupMap.Length; g++)
        {
            var target = groupMap[g];
            _sums[target] = Add(_sums[target], sums[g]);
            _counts[target] += counts[g];
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) =>
        [SumColumn(_sums[..groupCount], null), new Int64Column(_counts[..groupCount])];

    public override Column Finalize(int groupCount)
    {
        var present = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            present[g] = _counts[g] > 0;
        }

        if (!average)
        {
            return SumColumn(_sums[..groupCount], ValidityFrom(present));
        }

        var averages = new double[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            averages[g] = present[g] ? double.CreateTruncating(_sums[g]) / _counts[g] : 0;
        }

        return new DoubleColumn(averages, ValidityFrom(present));
    }

    private static ReadOnlySpan<T> ValuesOf(Column column) => typeof(T) == typeof(double)
        ? MemoryMarshal.Cast<double, T>(((DoubleColumn)column).Values)
        : MemoryMarshal.Cast<long, T>(((Int64Column)column).Values);

    private static Column SumColumn(T[] sums, byte[]? validity) => typeof(T) == typeof(double)
        ? new DoubleColumn((double[])(object)sums, validity)
        : new Int64Column((long[])(object)sums, validity);

    private static T Add(T left, T right)
    {
        var sum = left + right;
        if (typeof(T) == typeof(long))
        {
            var l = Unsafe.As<T, long>(ref left);
            var r = Unsafe.As<T, long>(ref right);
            var s = Unsafe.As<T, long>(ref sum);
            if (((l ^ s) & (r ^ s)) < 0)
            {
                ThrowOverflow(l, r);
            }
        }

        return sum;
    }

    [DoesNotReturn]
    private static void ThrowOverflow(long left, long right) =>
        throw new QueryExecutionException($"Overflow in sum over BIGINT: {left} + {right} does not fit in 64 bits.");
}
