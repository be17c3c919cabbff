using System.Buffers;

namespace Engine.Tests.Remote;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/> inputs so tokens straddle segment boundaries.</summary>
internal static class SegmentedSequence
{
    /// <summary>Splits <paramref name="bytes"/> at the given ascending offsets (empty segments included).</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] offsets)
    {
        var bounds = new List<int> { 0 };
        bounds.AddRange(offsets);
        bounds.Add(bytes.Length);
        Segment? first = null;
        Segment? last = null;
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var chunk = bytes.AsMemory(bounds[i], bounds[i + 1] - bounds[i]);
            var segment = new Segment(chunk, last is null ? 0 : last.RunningIndex + last.Memory.Length);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.SetNext(segment);
            }

            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>One segment per byte: the hardest layout for a reader.</summary>
    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes) =>
        bytes.Length == 0 ? ReadOnlySequence<byte>.Empty : Split(bytes, Enumerable.Range(1, bytes.Length - 1).ToArray());

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
