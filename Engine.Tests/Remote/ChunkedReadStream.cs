namespace Engine.Tests.Remote;

/// <summary>
/// A read-only stream over fixed bytes that never returns more than <c>maxBytesPerRead</c> bytes per read and
/// never crosses one of the given boundaries, so framing code sees every possible split. Async reads yield
/// first, so callers take their truly asynchronous path.
/// </summary>
internal sealed class ChunkedReadStream : Stream
{
    private readonly byte[] _data;
    private readonly int _maxBytesPerRead;
    private readonly int[] _boundaries;
    private int _position;

    public ChunkedReadStream(byte[] data, int maxBytesPerRead = int.MaxValue, params int[] boundaries)
    {
        _data = data;
        _maxBytesPerRead = maxBytesPerRead;
        _boundaries = boundaries;
    }

    public int ReadCalls { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ReadCalls++;
        var limit = _data.Length;
        foreach (var boundary in _boundaries)
        {
            if (boundary > _position && boundary < limit)
            {
                limit = boundary;
            }
        }

        var count = Math.Min(Math.Min(buffer.Length, _maxBytesPerRead), limit - _position);
        _data.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return Read(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
