namespace Engine.Tests.Remote;

/// <summary>
/// A write-only stream that stores what it receives but writes each buffer in 3-byte pieces with a yield
/// between them, so two unsynchronized writers would interleave their bytes. Can be told to fail.
/// </summary>
internal sealed class InterleavingWriteStream : Stream
{
    private readonly MemoryStream _written = new();

    public bool FailWrites { get; set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written.Length;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public byte[] ToArray() => _written.ToArray();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        for (var offset = 0; offset < buffer.Length; offset += 3)
        {
            if (FailWrites)
            {
                throw new IOException("The test stream was told to fail.");
            }

            _written.Write(buffer.Span.Slice(offset, Math.Min(3, buffer.Length - offset)));
            await Task.Yield();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => _written.Write(buffer, offset, count);

    public override async Task FlushAsync(CancellationToken cancellationToken) => await Task.Yield();

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _written.Dispose();
        }

        base.Dispose(disposing);
    }
}
