using System.Buffers;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Tests.Remote;

[TestFixture]
public sealed class ProtocolMessageTests
{
    public static IEnumerable<TestCaseData> Messages()
    {
        yield return new TestCaseData(new HelloMessage("coordinator-1", new byte[] { 1, 2, 3, 250 })).SetArgDisplayNames("Hello");
        yield return new TestCaseData(new HelloMessage(string.Empty, ReadOnlyMemory<byte>.Empty)).SetArgDisplayNames("HelloEmpty");
        yield return new TestCaseData(new HelloOkMessage("worker-ä", 16, new byte[] { 7, 8, 9 })).SetArgDisplayNames("HelloOk");
        yield return new TestCaseData(new RejectedMessage("bad proof")).SetArgDisplayNames("Rejected");
        yield return new TestCaseData(new ErrorMessage("q-42", 7, ErrorCode.CorruptData, "Corrupt data in 'x.parquet' at offset 4")).SetArgDisplayNames("Error");
        yield return new TestCaseData(new CancelMessage("q-42")).SetArgDisplayNames("Cancel");
        yield return new TestCaseData(new PingMessage(long.MinValue)).SetArgDisplayNames("Ping");
        yield return new TestCaseData(new PongMessage(long.MaxValue)).SetArgDisplayNames("Pong");
        yield return new TestCaseData(new ChallengeMessage("worker-1", new byte[] { 0, 255, 3 })).SetArgDisplayNames("Challenge");
    }

    [TestCaseSource(nameof(Messages))]
    public void Message_WrittenAndRead_RoundTrips(object boxed)
    {
        var message = (IProtocolMessage)boxed;
        var decoded = Decode(Serialize(message));

        Assert.That(decoded, Is.EqualTo(message));
    }

    [TestCaseSource(nameof(Messages))]
    public async Task Message_ThroughFramesOneBytePerRead_RoundTrips(object boxed)
    {
        var message = (IProtocolMessage)boxed;
        await using var output = new MemoryStream();
        using (var writer = new FrameWriter(output))
        {
            await writer.WriteMessageAsync(message);
            await writer.WriteMessageAsync(new PingMessage(1));
        }

        await using var input = new ChunkedReadStream(output.ToArray(), maxBytesPerRead: 1);
        using var reader = new FrameReader(input);
        var first = Decode((await reader.ReadFrameAsync())!.Value.ToArray());
        var second = Decode((await reader.ReadFrameAsync())!.Value.ToArray());
        var end = await reader.ReadFrameAsync();

        Assert.That((first, second, end), Is.EqualTo((message, (IProtocolMessage)new PingMessage(1), (ReadOnlyMemory<byte>?)null)));
    }

    [Test]
    public void ReadHeader_PreviousVersion_ThrowsProtocolExceptionNamingBothVersions()
    {
        var payload = MessagePackTestHelpers.Encode(new object?[] { 1L, 8L, 1L });

        Assert.That(() => Decode(payload), Throws.TypeOf<ProtocolException>().With.Message.EqualTo(
            "Unsupported protocol version 1; this node speaks version 2 (coordinator and workers must run the same protocol version: upgrade the older side)."));
    }

    [TestCase(0L)]
    [TestCase(11L)]
    [TestCase(-1L)]
    [TestCase(4_000_000_000L)]
    public void ReadHeader_UnknownMessageType_ThrowsProtocolException(long type)
    {
        var payload = MessagePackTestHelpers.Encode(new object?[] { (long)MessageEnvelope.ProtocolVersion, type });

        Assert.That(() => Decode(payload),
            Throws.TypeOf<ProtocolException>().With.Message.StartsWith($"Unknown message type {type} "));
    }

    [TestCase("c1")]
    [TestCase("a3-61-62-63")]
    [TestCase("92-01")]
    [TestCase("ff-ff-ff-ff")]
    [TestCase("dd-ff-ff-ff-ff-01-08")]
    [TestCase("")]
    public void ReadHeader_PayloadNotAnEnvelope_ThrowsProtocolException(string hex)
    {
        var payload = MessagePackTestHelpers.ParseDashedHex(hex);

        Assert.That(() => Decode(payload), Throws.TypeOf<ProtocolException>());
    }

    [Test]
    public void ReadHeader_StringInsteadOfArray_WrapsFormatError()
    {
        var payload = MessagePackTestHelpers.Encode("hello");

        Assert.That(() => Decode(payload), Throws.TypeOf<ProtocolException>()
            .With.Message.StartsWith("The payload is not a message envelope: Invalid MessagePack at offset 0: expected an array, found fixstr")
            .And.InnerException.TypeOf<MessagePackFormatException>());
    }

    [Test]
    public void ReadHeader_OneElementEnvelope_ThrowsProtocolException()
    {
        Assert.That(() => Decode([0x91, 0x01]), Throws.TypeOf<ProtocolException>().With.Message.Contains("at least 2 elements"));
    }

    [Test]
    public void Read_MissingField_ThrowsProtocolException()
    {
        var payload = MessagePackTestHelpers.Encode(new object?[] { (long)MessageEnvelope.ProtocolVersion, 1L, "only-a-name" });

        Assert.That(() => Decode(payload), Throws.TypeOf<ProtocolException>().With.Message.EqualTo("A Hello message needs 2 fields; this one has 1."));
    }

    [Test]
    public void Read_FieldOfWrongType_ThrowsProtocolExceptionNamingMessageAndOffset()
    {
        var payload = MessagePackTestHelpers.Encode(new object?[] { (long)MessageEnvelope.ProtocolVersion, 8L, "not a number" });

        Assert.That(() => Decode(payload), Throws.TypeOf<ProtocolException>().With.Message.StartsWith(
            "Malformed Ping message: Invalid MessagePack at offset 3: expected an integer in the int64 range, found fixstr"));
    }

    [Test]
    public void Read_ExtraTrailingFields_AreSkipped()
    {
        var payload = MessagePackTestHelpers.Encode(new object?[] { (long)MessageEnvelope.ProtocolVersion, 7L, "q-1", new object?[] { 1L, "future" }, 3.5 });

        Assert.That(Decode(payload), Is.EqualTo(new CancelMessage("q-1")));
    }

    [Test]
    public void Read_BytesAfterEnvelope_ThrowsProtocolException()
    {
        var payload = MessagePackTestHelpers.Encode(new object?[] { (long)MessageEnvelope.ProtocolVersion, 9L, 5L }).Concat(new byte[] { 0xC0, 0xC0 }).ToArray();

        Assert.That(() => Decode(payload), Throws.TypeOf<ProtocolException>().With.Message.EqualTo("2 unexpected bytes follow the Pong message at payload offset 4."));
    }

    [Test]
    public void Read_TruncatedBody_ThrowsProtocolException()
    {
        var payload = Serialize(new ErrorMessage("q", 1, ErrorCode.Storage, "message"));

        Assert.That(() => Decode(payload[..^3]), Throws.TypeOf<ProtocolException>().With.Message.StartsWith("Malformed Error message"));
    }

    [Test]
    public void Read_HeaderOfAnotherType_ThrowsArgumentException()
    {
        var payload = Serialize(new PingMessage(1));

        Assert.That(() =>
        {
            var reader = new MessagePackReader(payload);
            var header = MessageEnvelope.ReadHeader(ref reader);
            return PongMessage.Read(ref reader, header);
        }, Throws.ArgumentException);
    }

    [Test]
    public void ReadHeader_ExecuteEnvelope_ReportsTypeAndFieldCount()
    {
        var reader = new MessagePackReader(MessagePackTestHelpers.Encode(new object?[] { (long)MessageEnvelope.ProtocolVersion, 4L, "q", 1L, null }));

        Assert.That(MessageEnvelope.ReadHeader(ref reader), Is.EqualTo(new MessageHeader(MessageType.Execute, 3)));
    }

    private static byte[] Serialize(IProtocolMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        message.Write(new MessagePackWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Dispatches on the envelope type, as the session layer does.</summary>
    private static IProtocolMessage Decode(byte[] payload) => ProtocolMessages.Read(payload);
}
