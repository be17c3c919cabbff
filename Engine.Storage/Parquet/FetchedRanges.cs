using Engine.Storage.Buffers;

namespace Engine.Storage.Parquet;

/// <summary>
/// The byte ranges of one object fetched for one read (coalesced column chunks, pages or page-index entries),
/// by file offset. Fetched ranges live in arrays rented from <see cref="PooledBuffers"/>, owned by this instance
/// and returned by <see cref="Dispose"/>, which the reading method calls in a <c>finally</c> once decoding is done;
/// slices must not be used after that. Ranges shared with the reader (its cached page-index region) are only
/// borrowed. Used by one read on one thread; not thread-safe.
/// </summary>
internal sealed class FetchedRanges : IDisposable
{
    private readonly List<(long Start, byte[] Data, int Length, bool Owned)> _buffers = [];

    /// <summary>Adds <paramref name="length"/> bytes at <paramref name="start"/> held in a rented array this instance now owns.</summary>
    public void AddRented(long start, byte[] data, int length) => _buffers.Add((start, data, length, true));

    /// <summary>Adds bytes at <paramref name="start"/> held in an array someone else owns and keeps alive.</summary>
    public void AddBorrowed(long start, byte[] data) => _buffers.Add((start, data, data.Length, false));

    /// <summary>The bytes [<paramref name="start"/>, start + length) of the object; they must lie in one fetched range.</summary>
    public ArraySegment<byte> Slice(long start, long length)
    {
        foreach (var (bufferStart, data, bufferLength, _) in _buffers)
        {
            if (start >= bufferStart && start + length <= bufferStart + bufferLength)
            {
                return new ArraySegment<byte>(data, (int)(start - bufferStart), (int)length);
            }
        }

        throw new InvalidOperationException($"Range [{start}, {start + length}) was not fetched.");
    }

    /// <summary>Returns every rented array to the pool, once.</summary>
    public void Dispose()
    {
        foreach (var (_, data, _, owned) in _buffers)
        {
            if (owned)
            {
                PooledBuffers.Return(data);
            }
        }

        _buffers.Clear();
    }
}
