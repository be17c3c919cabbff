using System.Buffers.Binary;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Tests.Remote;

[TestFixture]
public sealed class FrameReaderTests
{
    [Test]
    public async Task ReadFrameAsync_OneBytePerRead_ReturnsEveryPayloadThenNull()
    {
        var payloads = new[] { Pattern(0, 1), Pattern(5, 2), Pattern(100, 3), Pattern(20_000, 4) };
        await using var stream = new ChunkedReadStream(Frames(payloads), maxBytesPerRead: 1);
        using var reader = new FrameReader(stream);

        var read = await ReadAllAsync(reader);

        Assert.That(read, Is.EqualTo(payloads));
    }

    [Test]
    public async Task ReadFrameAsync_StreamSplitAtEveryOffset_ReturnsEveryPayload()
    {
        var payloads = new[] { Pattern(3, 1), Pattern(0, 2), Pattern(40, 3) };
        var bytes = Frames(payloads);
        for (var split = 1; split < bytes.Length; split++)
        {
            await using var stream = new ChunkedReadStream(bytes, int.MaxValue, split);
            using var reader = new FrameReader(stream);

            Assert.That(await ReadAllAsync(reader), Is.EqualTo(payloads), $"split at {split}");
        }
    }

    [Test]
    public async Task ReadFrameAsync_FrameLargerThanReadAhead_GrowsAsBytesArrive()
    {
        var payload = Pattern(3 * 1024 * 1024 + 17, 9);
        await using var stream = new ChunkedReadStream(Frames([payload]), maxBytesPerRead: 64 * 1024 - 3);
        using var reader = new FrameReader(stream);

        var first = await reader.ReadFrameAsync();

        Assert.That(first?.ToArray(), Is.EqualTo(payload));
    }

    [Test]
    public async Task ReadFrameAsync_BufferedFrames_CompleteSynchronously()
    {
        await using var stream = new MemoryStream(Frames([Pattern(10, 1), Pattern(10, 2)]));
        using var reader = new FrameReader(stream);
        await reader.ReadFrameAsync();

        var second = reader.ReadFrameAsync();

        Assert.That(second.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task ReadFrameAsync_CleanEndBeforeAnyFrame_ReturnsNull()
    {
        await using var stream = new MemoryStream();
        using var reader = new FrameReader(stream);

        Assert.That(await reader.ReadFrameAsync(), Is.Null);
    }

    [Test]
    public async Task ReadFrameAsync_LengthAboveConfiguredLimit_ThrowsProtocolException()
    {
        await using var stream = new MemoryStream(Frames([Pattern(1025, 1)]));
        using var reader = new FrameReader(stream, maxFrameSize: 1024);

        Assert.That(async () => await reader.ReadFrameAsync(),
            Throws.TypeOf<ProtocolException>().With.Message.EqualTo(
                "The frame at stream offset 0 declares a payload of 1025 bytes; the limit is 1024 bytes."));
    }

    [Test]
    public async Task ReadFrameAsync_LengthAllOnes_ThrowsProtocolExceptionWithoutAllocating()
    {
        await using var stream = new MemoryStream([0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3]);
        using var reader = new FrameReader(stream);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var exception = Assert.ThrowsAsync<ProtocolException>(async () => await reader.ReadFrameAsync());

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain("4294967295 bytes").And.Contain("67108864"));
            Assert.That(allocated, Is.LessThan(64 * 1024));
        });
    }

    [Test]
    public async Task ReadFrameAsync_SecondFrameOversized_ReportsItsStreamOffset()
    {
        var bytes = Frames([Pattern(6, 1), Pattern(2000, 2)]);
        await using var stream = new MemoryStream(bytes);
        using var reader = new FrameReader(stream, maxFrameSize: 1000);
        await reader.ReadFrameAsync();

        Assert.That(async () => await reader.ReadFrameAsync(), Throws.TypeOf<ProtocolException>().With.Message.Contains("stream offset 10"));
    }

    [Test]
    public async Task ReadFrameAsync_EndInsidePayload_ThrowsProtocolException()
    {
        var bytes = Frames([Pattern(10, 1)])[..9];
        await using var stream = new ChunkedReadStream(bytes, maxBytesPerRead: 1);
        using var reader = new FrameReader(stream);

        Assert.That(async () => await reader.ReadFrameAsync(),
            Throws.TypeOf<ProtocolException>().With.Message.Contains("the frame payload needs 10 bytes, only 5 arrived"));
    }

    [Test]
    public async Task ReadFrameAsync_EndInsideHeader_ThrowsProtocolException()
    {
        await using var stream = new ChunkedReadStream([0, 0], maxBytesPerRead: 1);
        using var reader = new FrameReader(stream);

        Assert.That(async () => await reader.ReadFrameAsync(),
            Throws.TypeOf<ProtocolException>().With.Message.Contains("the frame header needs 4 bytes, only 2 arrived"));
    }

    [Test]
    public async Task ReadFrameAsync_EndInsideLargeFrame_ThrowsProtocolException()
    {
        var bytes = Frames([Pattern(100_000, 1)])[..50_000];
        await using var stream = new ChunkedReadStream(bytes, maxBytesPerRead: 4096);
        using var reader = new FrameReader(stream);

        Assert.That(async () => await reader.ReadFrameAsync(),
            Throws.TypeOf<ProtocolException>().With.Message.Contains("needs 100000 bytes, only 49996 arrived"));
    }

    [Test]
    public async Task ReadFrameAsync_Cancelled_ThrowsOperationCanceled()
    {
        await using var stream = new ChunkedReadStream(Frames([Pattern(10, 1)]), maxBytesPerRead: 1);
        using var reader = new FrameReader(stream);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        Assert.That(async () => await reader.ReadFrameAsync(cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Constructor_NonPositiveLimit_ThrowsArgumentOutOfRange()
    {
        Assert.That(() => new FrameReader(Stream.Null, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    internal static byte[] Pattern(int length, byte seed) =>
        Enumerable.Range(0, length).Select(i => (byte)(seed * 31 + i)).ToArray();

    internal static byte[] Frames(IEnumerable<byte[]> payloads)
    {
        using var output = new MemoryStream();
        Span<byte> header = stackalloc byte[4];
        foreach (var payload in payloads)
        {
            BinaryPrimitives.WriteUInt32BigEndian(header, (uint)payload.Length);
            output.Write(header);
            output.Write(payload);
        }

        return output.ToArray();
    }

    internal static async Task<List<byte[]>> ReadAllAsync(FrameReader reader)
    {
        var payloads = new List<byte[]>();
        while (await reader.ReadFrameAsync() is { } payload)
        {
            payloads.Add(payload.ToArray());
        }

        return payloads;
    }
}
