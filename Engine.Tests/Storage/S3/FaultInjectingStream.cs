using System.Net.Sockets;

namespace Engine.Tests.Storage.S3;

/// <summary>
/// A read-only response body that passes its inner body through, except that from its halfway point it
/// breaks (connection reset), ends early (truncation) or stalls until the reader cancels or disposes it.
/// Disposing it finishes the request for the handler's in-flight count.
/// </summary>
internal sealed class FaultInjectingStream : Stream
{
    private readonly Stream _inner;
    private readonly S3Fault _fault;
    private readonly long _faultAt;
    private readonly Action _release;
    private readonly TaskCompletionSource _stalled;
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _position;

    /// <summary>Wraps <paramref name="inner"/> of <paramref name="length"/> bytes with <paramref name="fault"/>.</summary>
    public FaultInjectingStream(Stream inner, S3Fault fault, long length, Action release, TaskCompletionSource stalled)
    {
        _inner = inner;
        _fault = fault;
        _faultAt = fault == S3Fault.None ? long.MaxValue : length / 2;
        _release = release;
        _stalled = stalled;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= _faultAt)
        {
            switch (_fault)
            {
                case S3Fault.ResetMidBody:
                    throw new IOException("Connection reset by peer (injected)", new SocketException((int)SocketError.ConnectionReset));
                case S3Fault.TruncateBody:
                    return 0;
                case S3Fault.StallBody:
                    _stalled.TrySetResult();
                    await _disposed.Task.WaitAsync(cancellationToken);
                    throw new ObjectDisposedException(nameof(FaultInjectingStream));
            }
        }

        var allowed = (int)Math.Min(buffer.Length, _faultAt - _position);
        var read = await _inner.ReadAsync(buffer[..allowed], cancellationToken);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.TrySetResult();
            _inner.Dispose();
            _release();
        }

        base.Dispose(disposing);
    }
}
