using System.Buffers;
using System.Buffers.Binary;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// Writes length-prefixed frames to a stream. Safe to call from many threads: a <see cref="SemaphoreSlim"/>
/// lets one frame (header and payload) reach the stream at a time, so frames never interleave. Each frame
/// is flushed. If a write fails or is cancelled part-way, the stream holds half a frame: the writer refuses
/// every later frame with <see cref="ProtocolException"/> and the connection must be dropped. The writer
/// does not own the stream; dispose it after the last write.
/// </summary>
internal sealed class FrameWriter : IDisposable
{
    internal const int CopyThreshold = 16 * 1024;

    private readonly Stream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly FrameBuffer _messageBuffer = new();
    private readonly byte[] _header = new byte[FrameFormat.HeaderSize];
    private volatile bool _broken;

    /// <summary>Creates a writer that refuses payloads longer than <paramref name="maxFrameSize"/> bytes.</summary>
    public FrameWriter(Stream stream, int maxFrameSize = FrameFormat.DefaultMaxFrameSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFrameSize);
        _stream = stream;
        MaxFrameSize = maxFrameSize;
    }

    /// <summary>The largest payload written, in bytes.</summary>
    public int MaxFrameSize { get; }

    /// <summary>
    /// Writes one frame holding <paramref name="payload"/>. A payload over <see cref="MaxFrameSize"/> throws
    /// <see cref="ProtocolException"/> before anything is written.
    /// </summary>
    public async ValueTask WriteFrameAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        CheckSize(payload.Length);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfBroken();
            if (payload.Length <= CopyThreshold)
            {
                // One write for small frames: fewer packets and system calls.
                var frame = ArrayPool<byte>.Shared.Rent(FrameFormat.HeaderSize + payload.Length);
                try
                {
                    BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)payload.Length);
                    payload.Span.CopyTo(frame.AsSpan(FrameFormat.HeaderSize));
                    await SendAsync(frame.AsMemory(0, FrameFormat.HeaderSize + payload.Length), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(frame);
                }
            }
            else
            {
                // The header buffer is shared; the gate makes this writer its only user.
                BinaryPrimitives.WriteUInt32BigEndian(_header, (uint)payload.Length);
                await SendAsync(_header, payload, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Serializes <paramref name="message"/> into the writer's reusable frame buffer and sends it as one frame;
    /// a message that serializes to more than <see cref="MaxFrameSize"/> bytes throws
    /// <see cref="ProtocolException"/> and nothing is sent.
    /// </summary>
    public async ValueTask WriteMessageAsync(IProtocolMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfBroken();
            _messageBuffer.Reset();
            message.Write(new MessagePackWriter(_messageBuffer));
            CheckSize(_messageBuffer.PayloadLength);
            await SendAsync(_messageBuffer.CompleteFrame(), ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the gate and the frame buffer; the stream stays open.</summary>
    public void Dispose()
    {
        _gate.Dispose();
        _messageBuffer.Dispose();
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(first, cancellationToken).ConfigureAwait(false);
            if (!second.IsEmpty)
            {
                await _stream.WriteAsync(second, cancellationToken).ConfigureAwait(false);
            }

            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _broken = true;
            throw;
        }
    }

    private void CheckSize(int payloadLength)
    {
        if (payloadLength > MaxFrameSize)
        {
            throw new ProtocolException($"A frame payload of {payloadLength} bytes exceeds the {MaxFrameSize}-byte limit.");
        }
    }

    private void ThrowIfBroken()
    {
        if (_broken)
        {
            throw new ProtocolException("An earlier frame write failed part-way; the connection cannot carry more frames.");
        }
    }
}
