using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Engine.Core.Aggregates;

/// <summary>
/// Reductions over contiguous spans with an explicit SIMD ladder (Vector512, then Vector256 when the
/// hardware accelerates them) and a scalar tail. Used by the accumulators when a run of rows belongs to one
/// group. Stateless and thread-safe.
/// </summary>
[SkipLocalsInit]
internal static class SpanKernels
{
    /// <summary>
    /// The sum of <paramref name="values"/> in int64 lanes; false when a lane or the final combine wrapped
    /// around, in which case the caller must redo the run with checked scalar arithmetic.
    /// </summary>
    public static bool TrySum(ReadOnlySpan<long> values, out long sum)
    {
        var i = 0;
        long total = 0;
        var overflow = false;
        if (Vector512.IsHardwareAccelerated && values.Length >= Vector512<long>.Count * 2)
        {
            var acc = Vector512<long>.Zero;
            var wrapped = Vector512<long>.Zero;
            for (; i <= values.Length - Vector512<long>.Count; i += Vector512<long>.Count)
            {
                var v = Vector512.Create(values.Slice(i, Vector512<long>.Count));
                var next = acc + v;
                wrapped |= (acc ^ next) & (v ^ next);
                acc = next;
            }

            overflow = (wrapped.ExtractMostSignificantBits() != 0) | !TryCombine(acc, ref total);
        }
        else if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<long>.Count * 2)
        {
            var acc = Vector256<long>.Zero;
            var wrapped = Vector256<long>.Zero;
            for (; i <= values.Length - Vector256<long>.Count; i += Vector256<long>.Count)
            {
                var v = Vector256.Create(values.Slice(i, Vector256<long>.Count));
                var next = acc + v;
                wrapped |= (acc ^ next) & (v ^ next);
                acc = next;
            }

            overflow = wrapped.ExtractMostSignificantBits() != 0;
            for (var lane = 0; lane < Vector256<long>.Count && !overflow; lane++)
            {
                overflow = !TryAdd(ref total, acc[lane]);
            }
        }

        for (; i < values.Length && !overflow; i++)
        {
            overflow = !TryAdd(ref total, values[i]);
        }

        sum = total;
        return !overflow;
    }

    /// <summary>The sum of <paramref name="values"/>, accumulated in SIMD lanes.</summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        var i = 0;
        double total = 0;
        if (Vector512.IsHardwareAccelerated && values.Length >= Vector512<double>.Count * 2)
        {
            var acc = Vector512<double>.Zero;
            for (; i <= values.Length - Vector512<double>.Count; i += Vector512<double>.Count)
            {
                acc += Vector512.Create(values.Slice(i, Vector512<double>.Count));
            }

            total = Vector512.Sum(acc);
        }
        else if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<double>.Count * 2)
        {
            var acc = Vector256<double>.Zero;
            for (; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                acc += Vector256.Create(values.Slice(i, Vector256<double>.Count));
            }

            total = Vector256.Sum(acc);
        }

        for (; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }

    /// <summary>The sum of the products <c>left[i] · right[i]</c> (equal lengths), accumulated in SIMD lanes.</summary>
    public static double SumProducts(ReadOnlySpan<double> left, ReadOnlySpan<double> right)
    {
        var i = 0;
        double total = 0;
        if (Vector256.IsHardwareAccelerated && left.Length >= Vector256<double>.Count * 2)
        {
            var acc = Vector256<double>.Zero;
            for (; i <= left.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                acc += Vector256.Create(left.Slice(i, Vector256<double>.Count)) * Vector256.Create(right.Slice(i, Vector256<double>.Count));
            }

            total = Vector256.Sum(acc);
        }

        for (; i < left.Length; i++)
        {
            total += left[i] * right[i];
        }

        return total;
    }

    /// <summary>
    /// Σ price·volume and Σ volume over equal-length spans (volumes converted to double), for vwap: two
    /// pairs of vector accumulators so neither sum waits on the latency of the previous add.
    /// </summary>
    public static (double Weighted, double Volume) SumWeighted(ReadOnlySpan<double> prices, ReadOnlySpan<long> volumes)
    {
        var i = 0;
        double weighted = 0;
        double total = 0;
        if (Vector512.IsHardwareAccelerated && prices.Length >= Vector512<double>.Count * 2)
        {
            var w0 = Vector512<double>.Zero;
            var w1 = Vector512<double>.Zero;
            var v0 = Vector512<double>.Zero;
            var v1 = Vector512<double>.Zero;
            const int Step = 2 * 8;
            for (; i <= prices.Length - Step; i += Step)
            {
                var a = Vector512.ConvertToDouble(Vector512.Create(volumes.Slice(i, 8)));
                var b = Vector512.ConvertToDouble(Vector512.Create(volumes.Slice(i + 8, 8)));
                w0 += Vector512.Create(prices.Slice(i, 8)) * a;
                w1 += Vector512.Create(prices.Slice(i + 8, 8)) * b;
                v0 += a;
                v1 += b;
            }

            weighted = Vector512.Sum(w0 + w1);
            total = Vector512.Sum(v0 + v1);
        }
        else if (Vector256.IsHardwareAccelerated && prices.Length >= Vector256<double>.Count * 2)
        {
            var w0 = Vector256<double>.Zero;
            var w1 = Vector256<double>.Zero;
            var v0 = Vector256<double>.Zero;
            var v1 = Vector256<double>.Zero;
            const int Step = 2 * 4;
            for (; i <= prices.Length - Step; i += Step)
            {
                var a = Vector256.ConvertToDouble(Vector256.Create(volumes.Slice(i, 4)));
                var b = Vector256.ConvertToDouble(Vector256.Create(volumes.Slice(i + 4, 4)));
                w0 += Vector256.Create(prices.Slice(i, 4)) * a;
                w1 += Vector256.Create(prices.Slice(i + 4, 4)) * b;
                v0 += a;
                v1 += b;
            }

            weighted = Vector256.Sum(w0 + w1);
            total = Vector256.Sum(v0 + v1);
        }

        for (; i < prices.Length; i++)
        {
            double volume = volumes[i];
            weighted += prices[i] * volume;
            total += volume;
        }

        return (weighted, total);
    }

    /// <summary>
    /// The largest (or smallest) of <paramref name="values"/> (not empty) with the processor's own min/max
    /// instructions, and whether any value is NaN, in one pass. When <paramref name="hasNaN"/> is true, or the
    /// result is a zero (whose sign the instructions do not order), the result is not meaningful and the caller
    /// must take the exact path.
    /// </summary>
    public static double ExtremeNative(ReadOnlySpan<double> values, bool maximum, out bool hasNaN)
    {
        var i = 0;
        var best = values[0];
        var nan = false;
        if (Vector512.IsHardwareAccelerated && values.Length >= Vector512<double>.Count * 2)
        {
            // Two accumulators, so each max/min waits on the one two vectors back, not the last.
            var acc = Vector512.Create(values[..Vector512<double>.Count]);
            var other = acc;
            var unordered = ~Vector512.Equals(acc, acc);
            for (i = Vector512<double>.Count; i <= values.Length - (2 * Vector512<double>.Count); i += 2 * Vector512<double>.Count)
            {
                var v = Vector512.Create(values.Slice(i, Vector512<double>.Count));
                var w = Vector512.Create(values.Slice(i + Vector512<double>.Count, Vector512<double>.Count));
                unordered |= ~Vector512.Equals(v, v) | ~Vector512.Equals(w, w);
                acc = maximum ? Vector512.MaxNative(acc, v) : Vector512.MinNative(acc, v);
                other = maximum ? Vector512.MaxNative(other, w) : Vector512.MinNative(other, w);
            }

            acc = maximum ? Vector512.MaxNative(acc, other) : Vector512.MinNative(acc, other);
            nan = unordered != Vector512<double>.Zero;
            best = acc[0];
            for (var lane = 1; lane < Vector512<double>.Count; lane++)
            {
                best = Pick(best, acc[lane], maximum);
            }
        }
        else if (Vector256.IsHardwareAccelerated && values.Length >= Vector256<double>.Count * 2)
        {
            var acc = Vector256.Create(values[..Vector256<double>.Count]);
            var unordered = ~Vector256.Equals(acc, acc);
            for (i = Vector256<double>.Count; i <= values.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.Create(values.Slice(i, Vector256<double>.Count));
                unordered |= ~Vector256.Equals(v, v);
                acc = maximum ? Vector256.MaxNative(acc, v) : Vector256.MinNative(acc, v);
            }

            nan = unordered != Vector256<double>.Zero;
            best = acc[0];
            for (var lane = 1; lane < Vector256<double>.Count; lane++)
            {
                best = Pick(best, acc[lane], maximum);
            }
        }

        for (; i < values.Length; i++)
        {
            nan |= double.IsNaN(values[i]);
            best = Pick(best, values[i], maximum);
        }

        hasNaN = nan || double.IsNaN(best);
        return best;
    }

    /// <summary>
    /// The largest (or smallest) of <paramref name="values"/> (not empty). For doubles the caller must
    /// handle NaN and signed zeros itself: the vector and scalar orders differ on them.
    /// </summary>
    public static T Extreme<T>(ReadOnlySpan<T> values, bool maximum)
        where T : unmanaged, INumber<T>
    {
        var i = 0;
        var best = values[0];
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && values.Length >= Vector512<T>.Count * 2)
        {
            var acc = Vector512.Create(values[..Vector512<T>.Count]);
            for (i = Vector512<T>.Count; i <= values.Length - Vector512<T>.Count; i += Vector512<T>.Count)
            {
                var v = Vector512.Create(values.Slice(i, Vector512<T>.Count));
                acc = maximum ? Vector512.Max(acc, v) : Vector512.Min(acc, v);
            }

            best = acc[0];
            for (var lane = 1; lane < Vector512<T>.Count; lane++)
            {
                best = Pick(best, acc[lane], maximum);
            }
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && values.Length >= Vector256<T>.Count * 2)
        {
            var acc = Vector256.Create(values[..Vector256<T>.Count]);
            for (i = Vector256<T>.Count; i <= values.Length - Vector256<T>.Count; i += Vector256<T>.Count)
            {
                var v = Vector256.Create(values.Slice(i, Vector256<T>.Count));
                acc = maximum ? Vector256.Max(acc, v) : Vector256.Min(acc, v);
            }

            best = acc[0];
            for (var lane = 1; lane < Vector256<T>.Count; lane++)
            {
                best = Pick(best, acc[lane], maximum);
            }
        }

        for (; i < values.Length; i++)
        {
            best = Pick(best, values[i], maximum);
        }

        return best;
    }

    private static T Pick<T>(T current, T candidate, bool maximum)
        where T : INumber<T> =>
        maximum ? (candidate > current ? candidate : current) : (candidate < current ? candidate : current);

    private static bool TryCombine(Vector512<long> lanes, ref long total)
    {
        for (var lane = 0; lane < Vector512<long>.Count; lane++)
        {
            if (!TryAdd(ref total, lanes[lane]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryAdd(ref long total, long value)
    {
        var sum = total + value;
        if (((total ^ sum) & (value ^ sum)) < 0)
        {
            return false;
        }

        total = sum;
        return true;
    }
}
