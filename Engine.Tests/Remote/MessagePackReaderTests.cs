using System.Buffers;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Tests.Remote;

[TestFixture]
public sealed class MessagePackReaderTests
{
    private static readonly byte[] s_extensionPayload = [1, 2, 3];

    /// <summary>One of every kind of token, written with the typed writer.</summary>
    private static readonly byte[] s_message = MessagePackTestHelpers.Encode(writer =>
    {
        writer.WriteArrayHeader(13);
        writer.WriteNil();
        writer.WriteBoolean(true);
        writer.WriteInt64(-70_000);
        writer.WriteUInt64(ulong.MaxValue);
        writer.WriteInt32(int.MinValue);
        writer.WriteDouble(Math.PI);
        writer.WriteSingle(0.25f);
        writer.WriteString("héllo wörld ✓ 🍺");
        writer.WriteBinary(new byte[300]);
        writer.WriteTimestamp(new MessagePackTimestamp(-5, 7));
        writer.WriteExtension(42, s_extensionPayload);
        writer.WriteMapHeader(1);
        writer.WriteString("k");
        writer.WriteArrayHeader(0);
        writer.WriteString(new string('z', 40));
    });

    [Test]
    public void TypedReads_MessageSplitAtEveryOffset_ReadSameValues()
    {
        for (var split = 0; split <= s_message.Length; split++)
        {
            AssertMessage(SegmentedSequence.Split(s_message, split), $"split at {split}");
        }
    }

    [Test]
    public void TypedReads_OneBytePerSegment_ReadSameValues()
    {
        AssertMessage(SegmentedSequence.OneBytePerSegment(s_message), "one byte per segment");
    }

    [TestCase("c0", MessagePackType.Nil)]
    [TestCase("c3", MessagePackType.Boolean)]
    [TestCase("7f", MessagePackType.Integer)]
    [TestCase("e0", MessagePackType.Integer)]
    [TestCase("d3", MessagePackType.Integer)]
    [TestCase("ca", MessagePackType.Float)]
    [TestCase("a0", MessagePackType.String)]
    [TestCase("db", MessagePackType.String)]
    [TestCase("c4", MessagePackType.Binary)]
    [TestCase("90", MessagePackType.Array)]
    [TestCase("dd", MessagePackType.Array)]
    [TestCase("80", MessagePackType.Map)]
    [TestCase("df", MessagePackType.Map)]
    [TestCase("d4", MessagePackType.Extension)]
    [TestCase("c9", MessagePackType.Extension)]
    [TestCase("c1", MessagePackType.NeverUsed)]
    public void NextType_FirstByte_NamesTokenFamily(string hex, object expected)
    {
        var reader = new MessagePackReader(MessagePackTestHelpers.ParseDashedHex(hex));

        Assert.That(reader.NextType, Is.EqualTo(expected));
    }

    [Test]
    public void Skip_WholeMessage_ConsumesEveryByte()
    {
        var reader = new MessagePackReader(SegmentedSequence.Split(s_message, 7, 40, 100));
        reader.Skip();

        Assert.That(reader.End, Is.True);
    }

    [Test]
    public void ReadRaw_SecondElement_ReturnsItsExactBytes()
    {
        var bytes = MessagePackTestHelpers.Encode(new object?[] { 1L, new object?[] { "a", 2L }, 3L });
        var reader = new MessagePackReader(bytes);
        reader.ReadArrayHeader();
        reader.ReadInt64();
        var raw = reader.ReadRaw();

        Assert.That(raw.ToArray(), Is.EqualTo(MessagePackTestHelpers.Encode(new object?[] { "a", 2L })));
    }

    [Test]
    public void TryReadNil_NotNil_ReturnsFalseAndConsumesNothing()
    {
        var reader = new MessagePackReader(new byte[] { 0x01 });

        Assert.That((reader.TryReadNil(), reader.Consumed), Is.EqualTo((false, 0L)));
    }

    [Test]
    public void TryReadArrayHeader_HeaderCutShort_ReturnsFalseAndConsumesNothing()
    {
        var reader = new MessagePackReader(new byte[] { 0xDD, 0x00, 0x00 });

        Assert.That((reader.TryReadArrayHeader(out _), reader.Consumed), Is.EqualTo((false, 0L)));
    }

    [Test]
    public void TryReadMapHeader_CompleteHeader_ReturnsCountWithoutCheckingRemainingBytes()
    {
        var reader = new MessagePackReader(new byte[] { 0xDE, 0x01, 0x00 });

        Assert.That((reader.TryReadMapHeader(out var count), count), Is.EqualTo((true, 256)));
    }

    [Test]
    public void TryReadArrayHeader_NotAnArray_ThrowsFormatException()
    {
        Assert.That(() =>
        {
            var reader = new MessagePackReader(new byte[] { 0xA1, 0x61 });
            return reader.TryReadArrayHeader(out _);
        }, Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("expected an array, found fixstr (0xA1)"));
    }

    [Test]
    public void ReadString_InvalidUtf8_ThrowsFormatException()
    {
        Assert.That(() =>
        {
            var reader = new MessagePackReader(new byte[] { 0xA2, 0xC3, 0x28 });
            return reader.ReadString();
        }, Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("valid UTF-8"));
    }

    [Test]
    public void ReadString_MultiByteCharacterAcrossSegments_DecodesIt()
    {
        var bytes = MessagePackTestHelpers.Encode("🍺🍺");
        var reader = new MessagePackReader(SegmentedSequence.Split(bytes, 3, 6));

        Assert.That(reader.ReadString(), Is.EqualTo("🍺🍺"));
    }

    [Test]
    public void ReadInt64_StringToken_MessageNamesExpectedFoundAndOffset()
    {
        Assert.That(() =>
        {
            var reader = new MessagePackReader(new byte[] { 0x92, 0x01, 0xA1, 0x61 });
            reader.ReadArrayHeader();
            reader.ReadInt64();
            return reader.ReadInt64();
        }, Throws.TypeOf<MessagePackFormatException>()
            .With.Property(nameof(MessagePackFormatException.Offset)).EqualTo(2)
            .And.Message.EqualTo("Invalid MessagePack at offset 2: expected an integer in the int64 range, found fixstr (0xA1)."));
    }

    [Test]
    public void ReadDouble_Integer_ReturnsItAsDouble()
    {
        var reader = new MessagePackReader(new byte[] { 0xD1, 0xFF, 0x00 });

        Assert.That(reader.ReadDouble(), Is.EqualTo(-256.0));
    }

    [Test]
    public void NextCode_AtEnd_ThrowsFormatException()
    {
        Assert.That(() => new MessagePackReader(ReadOnlyMemory<byte>.Empty).NextCode,
            Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("the end of the input"));
    }

    private static void AssertMessage(ReadOnlySequence<byte> input, string layout)
    {
        var reader = new MessagePackReader(input);
        var values = new List<object?>
        {
            reader.ReadArrayHeader(),
            reader.TryReadNil(),
            reader.ReadBoolean(),
            reader.ReadInt64(),
            reader.ReadUInt64(),
            reader.ReadInt32(),
            reader.ReadDouble(),
            reader.ReadSingle(),
            reader.ReadString(),
            reader.ReadBytes().Length,
            reader.ReadTimestamp(),
        };
        var extension = reader.ReadExtension(out var typeCode);
        values.Add(typeCode);
        values.Add(Convert.ToHexString(extension.ToArray()));
        values.Add(reader.ReadMapHeader());
        values.Add(reader.ReadString());
        values.Add(reader.ReadArrayHeader());
        values.Add(reader.ReadString().Length);
        values.Add(reader.End);

        Assert.That(values, Is.EqualTo(new object?[]
        {
            13, true, true, -70_000L, ulong.MaxValue, int.MinValue, Math.PI, 0.25f, "héllo wörld ✓ 🍺", 300L,
            new MessagePackTimestamp(-5, 7), (sbyte)42, "010203", 1, "k", 0, 40, true,
        }), layout);
    }
}
