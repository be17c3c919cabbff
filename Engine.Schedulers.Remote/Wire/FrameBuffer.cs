using System.Buffers;
using System.Buffers.Binary;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// A pooled, growable <see cref="IBufferWriter{T}"/> that keeps room for the frame header in front of the
/// payload, so a message is serialized once and sent as one write. Owned by one thread at a time; dispose
/// to return the pooled array.
/// </summary>
internal sealed class FrameBuffer : IBufferWriter<byte>, IDisposable
{
    internal const int DefaultCapacity = 4096;
    internal const int RetainedCapacity = 1024 * 1024;

    private byte[]? _buffer;
    private int _written;

    /// <summary>Creates an empty frame.</summary>
    public FrameBuffer()
    {
        _buffer = ArrayPool<byte>.Shared.Rent(DefaultCapacity);
        _written = FrameFormat.HeaderSize;
    }

    /// <summary>The payload bytes written so far.</summary>
    public int PayloadLength => _written - FrameFormat.HeaderSize;

    /// <summary>The payload written so far (without the header); valid until the next write, reset or dispose.</summary>
    public ReadOnlyMemory<byte> Payload => Storage.AsMemory(FrameFormat.HeaderSize, PayloadLength);

    private byte[] Storage => _buffer ?? throw new ObjectDisposedException(nameof(FrameBuffer));

    /// <inheritdoc />
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Storage.Length - _written);
        _written += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return Storage.AsMemory(_written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return Storage.AsSpan(_written);
    }

    /// <summary>Empties the frame for the next message; an array grown past 1 MiB goes back to the pool.</summary>
    public void Reset()
    {
        if (Storage.Length > RetainedCapacity)
        {
            ArrayPool<byte>.Shared.Return(Storage);
            _buffer = ArrayPool<byte>.Shared.Rent(DefaultCapacity);
        }

        _written = FrameFormat.HeaderSize;
    }

    /// <summary>Returns the pooled array.</summary>
    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }

    /// <summary>Writes the length prefix and returns header plus payload, ready to send.</summary>
    internal ReadOnlyMemory<byte> CompleteFrame()
    {
        BinaryPrimitives.WriteUInt32BigEndian(Storage, (uint)PayloadLength);
        return Storage.AsMemory(0, _written);
    }

    private void Ensure(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var needed = Math.Max(sizeHint, 1);
        if (Storage.Length - _written >= needed)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent(checked(Math.Max(Storage.Length * 2, _written + needed)));
        Buffer.BlockCopy(Storage, 0, grown, 0, _written);
        ArrayPool<byte>.Shared.Return(Storage);
        _buffer = grown;
    }
}
