using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Tests.Remote;

[TestFixture]
public sealed class MessagePackPrimitivesTests
{
    private static readonly string[] s_explicitWidthEncodings =
    [
        "05", "fb", "d0-05", "d1-00-05", "d2-00-00-00-05", "d3-00-00-00-00-00-00-00-05",
        "cc-05", "cd-00-05", "ce-00-00-00-05", "cf-00-00-00-00-00-00-00-05",
    ];

    private delegate bool SpanWrite(Span<byte> destination, out int bytesWritten);

    [TestCase(0L, "00")]
    [TestCase(127L, "7f")]
    [TestCase(128L, "cc-80")]
    [TestCase(255L, "cc-ff")]
    [TestCase(256L, "cd-01-00")]
    [TestCase(65535L, "cd-ff-ff")]
    [TestCase(65536L, "ce-00-01-00-00")]
    [TestCase(4294967295L, "ce-ff-ff-ff-ff")]
    [TestCase(4294967296L, "cf-00-00-00-01-00-00-00-00")]
    [TestCase(long.MaxValue, "cf-7f-ff-ff-ff-ff-ff-ff-ff")]
    [TestCase(-1L, "ff")]
    [TestCase(-32L, "e0")]
    [TestCase(-33L, "d0-df")]
    [TestCase(-128L, "d0-80")]
    [TestCase(-129L, "d1-ff-7f")]
    [TestCase(-32768L, "d1-80-00")]
    [TestCase(-32769L, "d2-ff-ff-7f-ff")]
    [TestCase(-2147483648L, "d2-80-00-00-00")]
    [TestCase(-2147483649L, "d3-ff-ff-ff-ff-7f-ff-ff-ff")]
    [TestCase(long.MinValue, "d3-80-00-00-00-00-00-00-00")]
    public void TryWriteInteger_Boundary_UsesSmallestFormat(long value, string expected)
    {
        Assert.That(Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteInteger(d, value, out n)), Is.EqualTo(expected));
    }

    [TestCase(18446744073709551615UL, "cf-ff-ff-ff-ff-ff-ff-ff-ff")]
    [TestCase(9223372036854775808UL, "cf-80-00-00-00-00-00-00-00")]
    [TestCase(200UL, "cc-c8")]
    public void TryWriteUnsignedInteger_Value_UsesSmallestFormat(ulong value, string expected)
    {
        Assert.That(Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteUnsignedInteger(d, value, out n)), Is.EqualTo(expected));
    }

    [Test]
    public void ExplicitWidthWriters_SmallValue_KeepTheirWidthAndReadBack()
    {
        var encodings = new[]
        {
            Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWritePositiveFixInt(d, 5, out n)),
            Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteNegativeFixInt(d, -5, out n)),
            Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteInt8(d, 5, out n)),
            Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteInt16(d, 5, out n)),
            Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteInt32(d, 5, out n)),
            Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteInt64(d, 5, out n)),
            Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteUInt8(d, 5, out n)),
            Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteUInt16(d, 5, out n)),
            Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteUInt32(d, 5, out n)),
            Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteUInt64(d, 5, out n)),
        };

        Assert.That(encodings, Is.EqualTo(s_explicitWidthEncodings));
    }

    [Test]
    public void FixIntWriters_ValueOutsideRange_ThrowArgumentOutOfRange()
    {
        var buffer = new byte[1];
        Assert.Multiple(() =>
        {
            Assert.That(() => MessagePackPrimitives.TryWritePositiveFixInt(buffer, 128, out _), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => MessagePackPrimitives.TryWriteNegativeFixInt(buffer, -33, out _), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => MessagePackPrimitives.TryWriteNegativeFixInt(buffer, 0, out _), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [TestCase(0u, "a0")]
    [TestCase(31u, "bf")]
    [TestCase(32u, "d9-20")]
    [TestCase(255u, "d9-ff")]
    [TestCase(256u, "da-01-00")]
    [TestCase(65535u, "da-ff-ff")]
    [TestCase(65536u, "db-00-01-00-00")]
    public void TryWriteStringHeader_Length_UsesSmallestFormat(uint length, string expected)
    {
        Assert.That(Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteStringHeader(d, length, out n)), Is.EqualTo(expected));
    }

    [TestCase(0u, "c4-00")]
    [TestCase(255u, "c4-ff")]
    [TestCase(256u, "c5-01-00")]
    [TestCase(65536u, "c6-00-01-00-00")]
    public void TryWriteBinaryHeader_Length_UsesSmallestFormat(uint length, string expected)
    {
        Assert.That(Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteBinaryHeader(d, length, out n)), Is.EqualTo(expected));
    }

    [TestCase(0u, "90", "80")]
    [TestCase(15u, "9f", "8f")]
    [TestCase(16u, "dc-00-10", "de-00-10")]
    [TestCase(65535u, "dc-ff-ff", "de-ff-ff")]
    [TestCase(65536u, "dd-00-01-00-00", "df-00-01-00-00")]
    public void TryWriteContainerHeaders_Count_UseSmallestFormat(uint count, string array, string map)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteArrayHeader(d, count, out n)), Is.EqualTo(array));
            Assert.That(Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteMapHeader(d, count, out n)), Is.EqualTo(map));
        });
    }

    [TestCase(1u, "d4-07")]
    [TestCase(2u, "d5-07")]
    [TestCase(4u, "d6-07")]
    [TestCase(8u, "d7-07")]
    [TestCase(16u, "d8-07")]
    [TestCase(0u, "c7-00-07")]
    [TestCase(3u, "c7-03-07")]
    [TestCase(255u, "c7-ff-07")]
    [TestCase(256u, "c8-01-00-07")]
    [TestCase(65536u, "c9-00-01-00-00-07")]
    public void TryWriteExtensionHeader_Length_UsesSmallestFormat(uint length, string expected)
    {
        var header = new MessagePackExtensionHeader(7, length);
        Assert.That(Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteExtensionHeader(d, header, out n)), Is.EqualTo(expected));
    }

    [TestCase(0L, 0u, "d6-ff-00-00-00-00")]
    [TestCase(4294967295L, 0u, "d6-ff-ff-ff-ff-ff")]
    [TestCase(4294967296L, 0u, "d7-ff-00-00-00-01-00-00-00-00")]
    [TestCase(0L, 1u, "d7-ff-00-00-00-04-00-00-00-00")]
    [TestCase(17179869183L, 999999999u, "d7-ff-ee-6b-27-ff-ff-ff-ff-ff")]
    [TestCase(17179869184L, 0u, "c7-0c-ff-00-00-00-00-00-00-00-04-00-00-00-00")]
    [TestCase(-1L, 999999999u, "c7-0c-ff-3b-9a-c9-ff-ff-ff-ff-ff-ff-ff-ff-ff")]
    public void TryWriteTimestamp_Value_UsesSmallestFormAndReadsBack(long seconds, uint nanoseconds, string expected)
    {
        var timestamp = new MessagePackTimestamp(seconds, nanoseconds);
        var hex = Write((Span<byte> d, out int n) => MessagePackPrimitives.TryWriteTimestamp(d, timestamp, out n));
        var result = MessagePackPrimitives.TryReadTimestamp(MessagePackTestHelpers.ParseDashedHex(hex), out var read, out var size);

        Assert.Multiple(() =>
        {
            Assert.That(hex, Is.EqualTo(expected));
            Assert.That(result, Is.EqualTo(MessagePackReadResult.Success));
            Assert.That(read, Is.EqualTo(timestamp));
            Assert.That(size, Is.EqualTo(expected.Split('-').Length));
        });
    }

    [Test]
    public void TryWriters_DestinationOneByteShort_ReturnFalseAndWriteNothing()
    {
        var writers = new (string Name, SpanWrite Write)[]
        {
            ("nil", (Span<byte> d, out int n) => MessagePackPrimitives.TryWriteNil(d, out n)),
            ("int64", (Span<byte> d, out int n) => MessagePackPrimitives.TryWriteInteger(d, long.MinValue, out n)),
            ("uint32", (Span<byte> d, out int n) => MessagePackPrimitives.TryWriteUnsignedInteger(d, uint.MaxValue, out n)),
            ("float32", (Span<byte> d, out int n) => MessagePackPrimitives.TryWriteSingle(d, 1.5f, out n)),
            ("float64", (Span<byte> d, out int n) => MessagePackPrimitives.TryWriteDouble(d, 1.5, out n)),
            ("str16", (Span<byte> d, out int n) => MessagePackPrimitives.TryWriteStringHeader(d, 300, out n)),
            ("ext8", (Span<byte> d, out int n) => MessagePackPrimitives.TryWriteExtensionHeader(d, new MessagePackExtensionHeader(1, 3), out n)),
            ("timestamp96", (Span<byte> d, out int n) => MessagePackPrimitives.TryWriteTimestamp(d, new MessagePackTimestamp(-1, 0), out n)),
        };
        Span<byte> large = stackalloc byte[32];
        foreach (var (name, write) in writers)
        {
            Assert.That(write(large, out var needed), Is.True, name);
            var tooSmall = new byte[needed - 1];
            var written = write(tooSmall, out var bytesWritten);
            Assert.That((written, bytesWritten, tooSmall.All(b => b == 0)), Is.EqualTo((false, 0, true)), name);
        }
    }

    [Test]
    public void TryReadInt64_EmptySource_NeedsOneByte()
    {
        var result = MessagePackPrimitives.TryReadInt64([], out _, out var size);

        Assert.That((result, size), Is.EqualTo((MessagePackReadResult.InsufficientBuffer, 1)));
    }

    [Test]
    public void TryReadInt64_TruncatedInt32_ReportsFullTokenSize()
    {
        var result = MessagePackPrimitives.TryReadInt64([0xD2, 0x00, 0x01], out _, out var size);

        Assert.That((result, size), Is.EqualTo((MessagePackReadResult.InsufficientBuffer, 5)));
    }

    [Test]
    public void TryReadInt64_StringToken_IsTokenMismatch()
    {
        var result = MessagePackPrimitives.TryReadInt64([0xA1, 0x61], out _, out var size);

        Assert.That((result, size), Is.EqualTo((MessagePackReadResult.TokenMismatch, 0)));
    }

    [Test]
    public void TryReadInt64_UInt64AboveInt64Max_IsOutOfRange()
    {
        var result = MessagePackPrimitives.TryReadInt64(MessagePackTestHelpers.ParseDashedHex("cf-80-00-00-00-00-00-00-00"), out _, out _);

        Assert.That(result, Is.EqualTo(MessagePackReadResult.OutOfRange));
    }

    [Test]
    public void TryReadUInt64_NegativeFixInt_IsOutOfRange()
    {
        var result = MessagePackPrimitives.TryReadUInt64([0xFF], out _, out _);

        Assert.That(result, Is.EqualTo(MessagePackReadResult.OutOfRange));
    }

    [TestCase("ce-80-00-00-00")]
    [TestCase("d3-ff-ff-ff-ff-7f-ff-ff-ff")]
    public void TryReadInt32_ValueOutsideInt32_IsOutOfRange(string hex)
    {
        var result = MessagePackPrimitives.TryReadInt32(MessagePackTestHelpers.ParseDashedHex(hex), out _, out _);

        Assert.That(result, Is.EqualTo(MessagePackReadResult.OutOfRange));
    }

    [TestCase("ca-3f-c0-00-00", 1.5)]
    [TestCase("cb-3f-f8-00-00-00-00-00-00", 1.5)]
    [TestCase("d0-fe", -2.0)]
    [TestCase("cf-ff-ff-ff-ff-ff-ff-ff-ff", 18446744073709551615.0)]
    public void TryReadDouble_FloatOrInteger_ReadsNumericValue(string hex, double expected)
    {
        var result = MessagePackPrimitives.TryReadDouble(MessagePackTestHelpers.ParseDashedHex(hex), out var value, out _);

        Assert.That((result, value), Is.EqualTo((MessagePackReadResult.Success, expected)));
    }

    [Test]
    public void TryReadSingle_Float64Token_IsTokenMismatch()
    {
        var result = MessagePackPrimitives.TryReadSingle(MessagePackTestHelpers.ParseDashedHex("cb-3f-f8-00-00-00-00-00-00"), out _, out _);

        Assert.That(result, Is.EqualTo(MessagePackReadResult.TokenMismatch));
    }

    [Test]
    public void TryWriteDouble_NaN_ReadsBackNaN()
    {
        var bytes = new byte[9];
        MessagePackPrimitives.TryWriteDouble(bytes, double.NaN, out _);
        MessagePackPrimitives.TryReadDouble(bytes, out var value, out _);

        Assert.That(value, Is.NaN);
    }

    [Test]
    public void TryReadTimestamp_Timestamp64WithTooManyNanoseconds_IsOutOfRange()
    {
        // nsec field 0x3FFFFFFF = 1 073 741 823 > 999 999 999.
        var result = MessagePackPrimitives.TryReadTimestamp(MessagePackTestHelpers.ParseDashedHex("d7-ff-ff-ff-ff-fc-00-00-00-00"), out _, out _);

        Assert.That(result, Is.EqualTo(MessagePackReadResult.OutOfRange));
    }

    [TestCase("d6-01-00-00-00-00")]
    [TestCase("c7-05-ff-00-00-00-00-00")]
    [TestCase("c0")]
    public void TryReadTimestamp_OtherTypeOrLength_IsTokenMismatch(string hex)
    {
        var result = MessagePackPrimitives.TryReadTimestamp(MessagePackTestHelpers.ParseDashedHex(hex), out _, out _);

        Assert.That(result, Is.EqualTo(MessagePackReadResult.TokenMismatch));
    }

    [Test]
    public void TryReadNil_NeverUsedByte_IsTokenMismatch()
    {
        Assert.That(MessagePackPrimitives.TryReadNil([0xC1], out _), Is.EqualTo(MessagePackReadResult.TokenMismatch));
    }

    [TestCase("cd-01-00", "number")]
    [TestCase("cb-3f-f8-00-00-00-00-00-00", "number")]
    [TestCase("db-00-00-00-01", "string")]
    [TestCase("c6-00-00-00-01", "binary")]
    [TestCase("dd-00-00-00-01", "array")]
    [TestCase("df-00-00-00-01", "map")]
    [TestCase("c9-00-00-00-01-05", "extension")]
    [TestCase("c7-0c-ff-00-00-00-00-00-00-00-00-00-00-00-00", "timestamp")]
    public void TryRead_EveryProperPrefixOfToken_ReportsInsufficientBufferWithoutThrowing(string hex, string reader)
    {
        var bytes = MessagePackTestHelpers.ParseDashedHex(hex);
        for (var length = 0; length <= bytes.Length; length++)
        {
            var prefix = bytes.AsSpan(0, length);
            var result = reader switch
            {
                "number" => MessagePackPrimitives.TryReadDouble(prefix, out _, out _),
                "string" => MessagePackPrimitives.TryReadStringHeader(prefix, out _, out _),
                "binary" => MessagePackPrimitives.TryReadBinaryHeader(prefix, out _, out _),
                "array" => MessagePackPrimitives.TryReadArrayHeader(prefix, out _, out _),
                "map" => MessagePackPrimitives.TryReadMapHeader(prefix, out _, out _),
                "extension" => MessagePackPrimitives.TryReadExtensionHeader(prefix, out _, out _),
                _ => MessagePackPrimitives.TryReadTimestamp(prefix, out _, out _),
            };
            var expected = length == bytes.Length ? MessagePackReadResult.Success : MessagePackReadResult.InsufficientBuffer;
            Assert.That(result, Is.EqualTo(expected), $"{hex} cut to {length} bytes");
        }
    }

    private static string Write(SpanWrite write)
    {
        Span<byte> buffer = stackalloc byte[32];
        Assert.That(write(buffer, out var written), Is.True);
        return MessagePackTestHelpers.ToDashedHex(buffer[..written]);
    }
}
