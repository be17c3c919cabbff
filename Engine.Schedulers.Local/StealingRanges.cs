using System.Runtime.InteropServices;

namespace Engine.Schedulers.Local;

/// <summary>
/// Hands out the task indices [0, n) to a fixed set of workers, each exactly once, by range-splitting work
/// stealing. Every worker starts with one contiguous range (adjacent tasks stay on one worker, which keeps
/// neighbouring fragments together) and takes indices from its front; a worker whose range is empty steals
/// the back half of the largest other range. A range is a (start, end) pair packed in one 64-bit word and
/// changed only with <see cref="Interlocked.CompareExchange(ref long, long, long)"/>, so taking and
/// stealing are lock-free and allocation-free.
/// </summary>
/// <remarks>
/// Each worker index must be used by one thread at a time (its owner); any number of owners run at once.
/// <see cref="TryTake"/> returns false once it finds every range empty; indices another worker has just
/// stolen but not yet published are run by that worker, so nothing is lost when a worker stops early.
/// </remarks>
public sealed class StealingRanges
{
    private readonly PaddedRange[] _ranges;

    /// <summary>Deals [0, <paramref name="count"/>) to <paramref name="workers"/> workers as contiguous, nearly equal ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="count"/> is negative or <paramref name="workers"/> is below 1.</exception>
    public StealingRanges(int count, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _ranges = new PaddedRange[workers];
        for (var w = 0; w < workers; w++)
        {
            var start = (int)((long)count * w / workers);
            var end = (int)((long)count * (w + 1) / workers);
            _ranges[w].Value = Pack(start, end);
        }
    }

    /// <summary>The number of workers the indices were dealt to.</summary>
    public int Workers => _ranges.Length;

    /// <summary>
    /// The next index for <paramref name="worker"/>: the front of its own range, or, when that is empty, the
    /// front of the back half stolen from the largest other range (the rest of the stolen half becomes the
    /// worker's own range). Returns false when no range has indices left. Called only by the worker's owner.
    /// </summary>
    public bool TryTake(int worker, out int index)
    {
        ref var own = ref _ranges[worker].Value;
        while (true)
        {
            var current = Volatile.Read(ref own);
            var (start, end) = Unpack(current);
            if (start >= end)
            {
                break;
            }

            if (Interlocked.CompareExchange(ref own, Pack(start + 1, end), current) == current)
            {
                index = start;
                return true;
            }
        }

        return TrySteal(worker, out index);
    }

    /// <summary>The indices not yet handed out (a snapshot; exact only when no worker is running).</summary>
    public int Remaining
    {
        get
        {
            var remaining = 0;
            for (var w = 0; w < _ranges.Length; w++)
            {
                var (start, end) = Unpack(Volatile.Read(ref _ranges[w].Value));
                remaining += Math.Max(0, end - start);
            }

            return remaining;
        }
    }

    private bool TrySteal(int worker, out int index)
    {
        while (true)
        {
            var victim = -1;
            long seen = 0;
            var largest = 0;
            for (var w = 0; w < _ranges.Length; w++)
            {
                if (w == worker)
                {
                    continue;
                }

                var value = Volatile.Read(ref _ranges[w].Value);
                var (start, end) = Unpack(value);
                if (end - start > largest)
                {
                    largest = end - start;
                    victim = w;
                    seen = value;
                }
            }

            if (victim < 0)
            {
                index = -1;
                return false;
            }

            var (from, to) = Unpack(seen);
            var middle = from + ((to - from) / 2);
            if (Interlocked.CompareExchange(ref _ranges[victim].Value, Pack(from, middle), seen) != seen)
            {
                // The victim or another thief moved first; look again.
                continue;
            }

            // [middle, to) is now ours alone. Our own range is empty, and nobody changes an empty range but
            // its owner, so publishing the rest needs no compare-exchange.
            Interlocked.Exchange(ref _ranges[worker].Value, Pack(middle + 1, to));
            index = middle;
            return true;
        }
    }

    private static long Pack(int start, int end) => (long)(((ulong)(uint)start << 32) | (uint)end);

    private static (int Start, int End) Unpack(long value) => ((int)(value >> 32), (int)(uint)value);

    // One range per cache line, so workers taking from their own ranges do not contend on a shared line.
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedRange
    {
        [FieldOffset(64)]
        public long Value;
    }
}
