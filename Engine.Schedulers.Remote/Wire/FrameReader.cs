using System.Buffers;
using System.Buffers.Binary;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// Reads length-prefixed frames from a stream (a socket or TLS stream), one frame per call. A declared length
/// is checked against <see cref="MaxFrameSize"/> before any buffer is sized for it, and a large frame's buffer
/// grows only as its bytes actually arrive, so a peer cannot make the reader allocate by lying. Small frames
/// are served from an internal read-ahead buffer; when a whole frame is already buffered the call completes
/// synchronously. The stream may deliver any number of bytes per read, down to one.
/// <para>
/// One caller at a time. The reader does not own the stream. After any exception the connection is broken:
/// drop it. Dispose returns the pooled buffers.
/// </para>
/// </summary>
internal sealed class FrameReader : IDisposable
{
    internal const int ReadAheadSize = 16 * 1024;
    internal const int InitialLargeFrameCapacity = 1024 * 1024;

    private readonly Stream _stream;
    private byte[]? _buffer;
    private byte[]? _largeFrame;
    private int _start;
    private int _end;
    private long _frameOffset;

    /// <summary>Creates a reader over <paramref name="stream"/> that rejects payloads longer than <paramref name="maxFrameSize"/> bytes.</summary>
    public FrameReader(Stream stream, int maxFrameSize = FrameFormat.DefaultMaxFrameSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        _stream = stream;
        MaxFrameSize = maxFrameSize;
        _buffer = ArrayPool<byte>.Shared.Rent(ReadAheadSize);
    }

    /// <summary>The largest payload accepted, in bytes.</summary>
    public int MaxFrameSize { get; }

    /// <summary>
    /// Reads the next frame and returns its payload, or <see langword="null"/> when the stream ends cleanly
    /// between frames. The payload memory belongs to the reader and stays valid until the next call or
    /// <see cref="Dispose"/>. Throws <see cref="ProtocolException"/> when the declared length exceeds
    /// <see cref="MaxFrameSize"/> or the stream ends inside a frame, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        ReleaseLargeFrame();
        if (!await FillAsync(FrameFormat.HeaderSize, "frame header", allowCleanEnd: true, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start, FrameFormat.HeaderSize));
        if (length > (uint)MaxFrameSize)
        {
            throw new ProtocolException(
                $"The frame at stream offset {_frameOffset} declares a payload of {length} bytes; the limit is {MaxFrameSize} bytes.");
        }

        _start += FrameFormat.HeaderSize;
        var size = (int)length;
        ReadOnlyMemory<byte> payload;
        if (size <= _buffer!.Length)
        {
            await FillAsync(size, "frame payload", allowCleanEnd: false, cancellationToken).ConfigureAwait(false);
            payload = _buffer.AsMemory(_start, size);
            _start += size;
        }
        else
        {
            payload = await ReadLargeFrameAsync(size, cancellationToken).ConfigureAwait(false);
        }

        _frameOffset += FrameFormat.HeaderSize + size;
        return payload;
    }

    /// <summary>Returns the pooled buffers; payloads handed out earlier become invalid.</summary>
    public void Dispose()
    {
        ReleaseLargeFrame();
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    /// <summary>
    /// Makes at least <paramref name="count"/> bytes available in the read-ahead buffer. Returns false only when
    /// <paramref name="allowCleanEnd"/> is set and the stream ends before the first byte; any other early end
    /// is a protocol error.
    /// </summary>
    private async ValueTask<bool> FillAsync(int count, string part, bool allowCleanEnd, CancellationToken cancellationToken)
    {
        var buffer = _buffer!;
        if (_end - _start >= count)
        {
            return true;
        }

        if (_start + count > buffer.Length)
        {
            Buffer.BlockCopy(buffer, _start, buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        while (_end - _start < count)
        {
            var read = await _stream.ReadAsync(buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (allowCleanEnd && _end == _start)
                {
                    return false;
                }

                throw Truncated(part, count, _end - _start);
            }

            _end += read;
        }

        return true;
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadLargeFrameAsync(int size, CancellationToken cancellationToken)
    {
        var buffered = _end - _start;
        var frame = ArrayPool<byte>.Shared.Rent(Math.Min(size, Math.Max(InitialLargeFrameCapacity, buffered)));
        _largeFrame = frame;
        Buffer.BlockCopy(_buffer!, _start, frame, 0, buffered);
        _start = 0;
        _end = 0;
        var filled = buffered;
        while (filled < size)
        {
            if (filled == frame.Length)
            {
                // Grow only as bytes arrive, so a lying length never costs more than twice what was sent.
                var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(size, 2L * frame.Length));
                Buffer.BlockCopy(frame, 0, grown, 0, filled);
                ArrayPool<byte>.Shared.Return(frame);
                frame = grown;
                _largeFrame = frame;
            }

            var read = await _stream.ReadAsync(frame.AsMemory(filled, Math.Min(frame.Length, size) - filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw Truncated("frame payload", size, filled);
            }

            filled += read;
        }

        return frame.AsMemory(0, size);
    }

    private ProtocolException Truncated(string part, int needed, int received) =>
        new($"The connection closed inside the frame at stream offset {_frameOffset}: the {part} needs {needed} bytes, only {received} arrived.");

    private void ReleaseLargeFrame()
    {
        if (_largeFrame is not null)
        {
            ArrayPool<byte>.Shared.Return(_largeFrame);
            _largeFrame = null;
        }
    }
}
