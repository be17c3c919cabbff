using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Tests.Remote;

[TestFixture]
public sealed class FrameWriterTests
{
    [Test]
    public async Task WriteFrameAsync_Payload_WritesBigEndianLengthThenPayload()
    {
        await using var stream = new MemoryStream();
        using var writer = new FrameWriter(stream);

        await writer.WriteFrameAsync(new byte[] { 0xAA, 0xBB, 0xCC });

        Assert.That(stream.ToArray(), Is.EqualTo(new byte[] { 0, 0, 0, 3, 0xAA, 0xBB, 0xCC }));
    }

    [Test]
    public async Task WriteFrameAsync_LargePayload_ReadsBackIntact()
    {
        var payload = FrameReaderTests.Pattern(100_000, 7);
        await using var stream = new MemoryStream();
        using (var writer = new FrameWriter(stream))
        {
            await writer.WriteFrameAsync(payload);
        }

        Assert.That(stream.ToArray(), Is.EqualTo(FrameReaderTests.Frames([payload])));
    }

    [Test]
    public async Task WriteFrameAsync_PayloadOverLimit_ThrowsAndWritesNothing()
    {
        await using var stream = new MemoryStream();
        using var writer = new FrameWriter(stream, maxFrameSize: 16);

        Assert.Multiple(() =>
        {
            Assert.That(async () => await writer.WriteFrameAsync(new byte[17]),
                Throws.TypeOf<ProtocolException>().With.Message.EqualTo("A frame payload of 17 bytes exceeds the 16-byte limit."));
            Assert.That(stream.Length, Is.Zero);
        });
    }

    [Test]
    public async Task WriteFrameAsync_ManyConcurrentWriters_FramesNeverInterleave()
    {
        const int writers = 8;
        const int framesPerWriter = 40;
        await using var stream = new InterleavingWriteStream();
        using (var writer = new FrameWriter(stream))
        {
            var tasks = Enumerable.Range(0, writers).Select(id => Task.Run(async () =>
            {
                for (var sequence = 0; sequence < framesPerWriter; sequence++)
                {
                    // Writer id, sequence, then a body whose length and bytes depend on both.
                    var payload = new byte[2 + ((id * 7) + sequence) % 50 + (sequence % 10 == 0 ? 17_000 : 0)];
                    payload[0] = (byte)id;
                    payload[1] = (byte)sequence;
                    payload.AsSpan(2).Fill((byte)(id ^ sequence));
                    await writer.WriteFrameAsync(payload);
                }
            }));
            await Task.WhenAll(tasks);
        }

        await using var input = new MemoryStream(stream.ToArray());
        using var reader = new FrameReader(input);
        var frames = await FrameReaderTests.ReadAllAsync(reader);
        var intact = frames.Count(f => f.AsSpan(2).IndexOfAnyExcept((byte)(f[0] ^ f[1])) < 0);
        var inOrder = frames.GroupBy(f => f[0]).All(g => g.Select(f => (int)f[1]).SequenceEqual(Enumerable.Range(0, framesPerWriter)));

        Assert.That((frames.Count, intact, inOrder), Is.EqualTo((writers * framesPerWriter, writers * framesPerWriter, true)));
    }

    [Test]
    public async Task WriteMessageAsync_Message_WritesOneFrameWithItsEnvelope()
    {
        var message = new PingMessage(42);
        await using var stream = new MemoryStream();
        using var writer = new FrameWriter(stream);

        await writer.WriteMessageAsync(message);

        Assert.That(stream.ToArray(), Is.EqualTo(new byte[] { 0, 0, 0, 4, 0x93, 0x02, 0x08, 42 }));
    }

    [Test]
    public async Task WriteMessageAsync_MessageOverLimit_ThrowsAndWritesNothing()
    {
        await using var stream = new MemoryStream();
        using var writer = new FrameWriter(stream, maxFrameSize: 32);

        Assert.Multiple(() =>
        {
            Assert.That(async () => await writer.WriteMessageAsync(new RejectedMessage(new string('r', 100))),
                Throws.TypeOf<ProtocolException>().With.Message.Contains("exceeds the 32-byte limit"));
            Assert.That(stream.Length, Is.Zero);
        });
    }

    [Test]
    public async Task WriteFrameAsync_AfterAFailedWrite_RefusesFurtherFrames()
    {
        await using var stream = new InterleavingWriteStream { FailWrites = true };
        using var writer = new FrameWriter(stream);
        Assert.That(async () => await writer.WriteFrameAsync(new byte[10]), Throws.TypeOf<IOException>());
        stream.FailWrites = false;

        Assert.That(async () => await writer.WriteFrameAsync(new byte[10]),
            Throws.TypeOf<ProtocolException>().With.Message.Contains("earlier frame write failed"));
    }

    [Test]
    public void FrameBuffer_Grows_KeepsEarlierBytes()
    {
        using var buffer = new FrameBuffer();
        var writer = new MessagePackWriter(buffer);
        var text = new string('q', 10_000);

        writer.WriteString("a");
        writer.WriteString(text);
        var reader = new MessagePackReader(buffer.Payload);

        Assert.That((reader.ReadString(), reader.ReadString()), Is.EqualTo(("a", text)));
    }
}
