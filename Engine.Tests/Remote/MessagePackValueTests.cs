using System.Buffers;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Tests.Remote;

[TestFixture]
public sealed class MessagePackValueTests
{
    [Test]
    public void Read_UInt64WithinInt64Range_ReturnsLong()
    {
        Assert.That(MessagePackTestHelpers.Decode(MessagePackTestHelpers.ParseDashedHex("cf-00-00-00-00-00-00-00-05")), Is.EqualTo(5L).And.TypeOf<long>());
    }

    [Test]
    public void Read_UInt64AboveInt64Max_ReturnsULong()
    {
        Assert.That(MessagePackTestHelpers.Decode(MessagePackTestHelpers.ParseDashedHex("cf-ff-ff-ff-ff-ff-ff-ff-ff")), Is.EqualTo(ulong.MaxValue).And.TypeOf<ulong>());
    }

    [Test]
    public void Read_Float32_KeepsSinglePrecisionType()
    {
        Assert.That(MessagePackTestHelpers.Decode(MessagePackTestHelpers.ParseDashedHex("ca-3f-c0-00-00")), Is.EqualTo(1.5f).And.TypeOf<float>());
    }

    [Test]
    public void Write_SelfContainingArray_ThrowsArgumentException()
    {
        var cycle = new object?[1];
        cycle[0] = cycle;

        Assert.That(() => MessagePackTestHelpers.Encode(cycle), Throws.ArgumentException.With.Message.Contains("deeper than 64"));
    }

    [Test]
    public void Write_UnmappedType_ThrowsArgumentException()
    {
        Assert.That(() => MessagePackTestHelpers.Encode(new Uri("http://example.invalid")), Throws.ArgumentException.With.Message.Contains("System.Uri"));
    }

    [Test]
    public void Write_MapWithNonStringKeys_RoundTripsInOrder()
    {
        var map = new KeyValuePair<object?, object?>[] { new(2L, "b"), new(null, true), new(new byte[] { 1 }, 1.5) };

        var decoded = MessagePackTestHelpers.Decode(MessagePackTestHelpers.Encode(map));

        Assert.That(MessagePackTestHelpers.SemanticEquals(map, decoded), Is.True);
    }

    [Test]
    public void WriterWriteString_LoneSurrogate_ThrowsArgumentException()
    {
        Assert.That(() => MessagePackTestHelpers.Encode(writer => writer.WriteString("a\uD800b")), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void WriterWriteArrayHeader_NegativeCount_ThrowsArgumentOutOfRange()
    {
        Assert.That(() => MessagePackTestHelpers.Encode(writer => writer.WriteArrayHeader(-1)), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void WriterWriteString_Null_WritesNil()
    {
        Assert.That(MessagePackTestHelpers.Encode(writer => writer.WriteString((string?)null)), Is.EqualTo(new byte[] { 0xC0 }));
    }

    [Test]
    public void Writer_SegmentedBufferWriter_ProducesSameBytes()
    {
        var value = new object?[] { "x".PadRight(100, 'y'), 1L, new byte[50], new MessagePackTimestamp(-1, 1) };
        var expected = MessagePackTestHelpers.Encode(value);
        var chunked = new TinyChunkBufferWriter();

        MessagePackValue.Write(new MessagePackWriter(chunked), value);

        Assert.That(chunked.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void Timestamp_NanosecondsAboveLimit_ThrowsArgumentOutOfRange()
    {
        Assert.That(() => new MessagePackTimestamp(0, 1_000_000_000), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase(-1L, -1L, 999_999_000u)]
    [TestCase(1_500_000L, 1L, 500_000_000u)]
    [TestCase(-1_500_000L, -2L, 500_000_000u)]
    public void Timestamp_FromUnixMicroseconds_SplitsIntoSecondsAndNanoseconds(long micros, long seconds, uint nanoseconds)
    {
        var timestamp = MessagePackTimestamp.FromUnixMicroseconds(micros);

        Assert.That((timestamp.Seconds, timestamp.Nanoseconds, timestamp.ToUnixMicroseconds()), Is.EqualTo((seconds, nanoseconds, micros)));
    }

    [Test]
    public void ReaderOptions_MaxDepthZero_ThrowsArgumentOutOfRange()
    {
        Assert.That(() => new MessagePackReaderOptions { MaxDepth = 0 }, Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    /// <summary>Hands out spans of at most 16 bytes (or the size hint) so tokens land in many chunks.</summary>
    private sealed class TinyChunkBufferWriter : IBufferWriter<byte>
    {
        private readonly List<byte[]> _chunks = [];
        private byte[]? _current;

        public void Advance(int count)
        {
            _chunks.Add(_current![..count]);
            _current = null;
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => _current = new byte[Math.Max(sizeHint, 16)];

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public byte[] ToArray() => _chunks.SelectMany(c => c).ToArray();
    }
}
