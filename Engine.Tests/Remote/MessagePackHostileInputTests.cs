using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Tests.Remote;

/// <summary>Bad bytes from a peer: truncation, lying lengths, deep nesting, overflow, garbage.</summary>
[TestFixture]
public sealed class MessagePackHostileInputTests
{
    private static readonly MessagePackReaderOptions s_depthThree = new() { MaxDepth = 3 };

    /// <summary>A value with every format family, nested, a few hundred bytes long.</summary>
    private static byte[] SampleValue() => MessagePackTestHelpers.Encode(new object?[]
    {
        null, true, 1L, -200L, 70_000L, long.MinValue, ulong.MaxValue, 1.5f, 2.5, "text", new string('s', 40),
        new byte[] { 1, 2, 3 }, new MessagePackTimestamp(-1, 5), new MessagePackTimestamp(1, 0), new MessagePackExtension(3, new byte[5]),
        new KeyValuePair<object?, object?>[] { new("k", new object?[] { 1L, "v" }), new(2L, new byte[300]) },
        Enumerable.Range(0, 20).Select(i => (object?)(long)i).ToArray(),
    });

    [Test]
    public void DynamicRead_TruncatedAtEveryOffset_ThrowsFormatException()
    {
        var bytes = SampleValue();
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            Assert.That(() => MessagePackTestHelpers.Decode(prefix), Throws.TypeOf<MessagePackFormatException>(), $"cut to {length} of {bytes.Length} bytes");
        }
    }

    [Test]
    public void Skip_TruncatedAtEveryOffsetInTwoSegments_ThrowsFormatException()
    {
        var bytes = SampleValue();
        for (var length = 0; length < bytes.Length; length++)
        {
            var input = SegmentedSequence.Split(bytes[..length], length / 2);
            Assert.That(() =>
            {
                var reader = new MessagePackReader(input);
                reader.Skip();
            }, Throws.TypeOf<MessagePackFormatException>(), $"cut to {length} of {bytes.Length} bytes");
        }
    }

    [Test]
    public void TypedReads_TruncatedAtEveryOffset_ThrowFormatException()
    {
        var bytes = MessagePackTestHelpers.Encode(writer =>
        {
            writer.WriteInt64(long.MinValue);
            writer.WriteDouble(1.5);
            writer.WriteString("hello");
            writer.WriteBinary([1, 2, 3]);
            writer.WriteTimestamp(new MessagePackTimestamp(-1, 1));
            writer.WriteExtension(1, [9, 9, 9]);
        });
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            Assert.That(() =>
            {
                var reader = new MessagePackReader(prefix);
                reader.ReadInt64();
                reader.ReadDouble();
                reader.ReadString();
                reader.ReadBytes();
                reader.ReadTimestamp();
                reader.ReadExtension(out _);
            }, Throws.TypeOf<MessagePackFormatException>(), $"cut to {length} of {bytes.Length} bytes");
        }
    }

    [TestCase("db", "string payload of 4294967295 bytes")]
    [TestCase("c6", "binary payload of 4294967295 bytes")]
    [TestCase("dd", "array of 4294967295 elements")]
    [TestCase("df", "map of 4294967295 elements")]
    public void DynamicRead_HeaderClaimingFourGigabytesWithTenBytesLeft_ThrowsWithoutAllocating(string code, string expected)
    {
        var bytes = MessagePackTestHelpers.ParseDashedHex($"{code}-ff-ff-ff-ff-01-02-03-04-05-06-07-08-09-0a");
        MessagePackTestHelpers.Decode([0xC0]);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var exception = Assert.Throws<MessagePackFormatException>(() => MessagePackTestHelpers.Decode(bytes));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain(expected).And.Contain("only 10 bytes remaining").And.Contain("offset 0"));
            Assert.That(allocated, Is.LessThan(64 * 1024), "bytes allocated while rejecting the header");
        });
    }

    [TestCase("db")]
    [TestCase("c6")]
    [TestCase("dd")]
    [TestCase("df")]
    [TestCase("c9")]
    public void Skip_HeaderClaimingFourGigabytesWithTenBytesLeft_ThrowsFormatException(string code)
    {
        var extra = code == "c9" ? "-01" : string.Empty;
        var bytes = MessagePackTestHelpers.ParseDashedHex($"{code}-ff-ff-ff-ff{extra}-01-02-03-04-05-06-07-08-09-0a");

        Assert.That(() =>
        {
            var reader = new MessagePackReader(bytes);
            reader.Skip();
        }, Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("4294967295"));
    }

    [Test]
    public void ReadExtension_Ext32ClaimingFourGigabytes_ThrowsFormatException()
    {
        var bytes = MessagePackTestHelpers.ParseDashedHex("c9-ff-ff-ff-ff-01-00-00");

        Assert.That(() =>
        {
            var reader = new MessagePackReader(bytes);
            return reader.ReadExtension(out _);
        }, Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("extension type 1 payload of 4294967295 bytes, found only 2 bytes remaining"));
    }

    [Test]
    public void DynamicRead_NestingAtDefaultCap_Succeeds()
    {
        var bytes = Nested(MessagePackReaderOptions.DefaultMaxDepth);

        Assert.That(() => MessagePackTestHelpers.Decode(bytes), Throws.Nothing);
    }

    [Test]
    public void DynamicRead_NestingOneBeyondDefaultCap_ThrowsFormatException()
    {
        var bytes = Nested(MessagePackReaderOptions.DefaultMaxDepth + 1);

        Assert.That(() => MessagePackTestHelpers.Decode(bytes),
            Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("at most 64 levels of nested arrays and maps, found a container at level 65"));
    }

    [Test]
    public void Skip_HundredThousandNestedArrays_ThrowsFormatExceptionNotStackOverflow()
    {
        var bytes = Nested(100_000);

        Assert.That(() =>
        {
            var reader = new MessagePackReader(bytes);
            reader.Skip();
        }, Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("levels of nested"));
    }

    [Test]
    public void Skip_NestedMapsBeyondConfiguredCap_ThrowsFormatException()
    {
        // {"a": {"a": {"a": {}}}}: four levels against a cap of three.
        var bytes = MessagePackTestHelpers.ParseDashedHex("81-a1-61-81-a1-61-81-a1-61-80");

        Assert.That(() =>
        {
            var reader = new MessagePackReader(bytes, s_depthThree);
            reader.Skip();
        }, Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("at most 3 levels"));
    }

    [Test]
    public void ReadInt64_UInt64AboveInt64Max_ThrowsWithValue()
    {
        Assert.That(() =>
        {
            var reader = new MessagePackReader(MessagePackTestHelpers.ParseDashedHex("cf-80-00-00-00-00-00-00-00"));
            return reader.ReadInt64();
        }, Throws.TypeOf<MessagePackFormatException>().With.Message.EqualTo(
            "Invalid MessagePack at offset 0: expected an integer in the int64 range, found uint64 (0xCF) 9223372036854775808."));
    }

    [Test]
    public void ReadUInt64_NegativeInt8_ThrowsWithValue()
    {
        Assert.That(() =>
        {
            var reader = new MessagePackReader(MessagePackTestHelpers.ParseDashedHex("d0-80"));
            return reader.ReadUInt64();
        }, Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("found int8 (0xD0) -128"));
    }

    [Test]
    public void ReadInt32_UInt32AboveInt32Max_ThrowsWithValue()
    {
        Assert.That(() =>
        {
            var reader = new MessagePackReader(MessagePackTestHelpers.ParseDashedHex("ce-80-00-00-00"));
            return reader.ReadInt32();
        }, Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("found uint32 (0xCE) 2147483648"));
    }

    [Test]
    public void DynamicRead_NeverUsedByte_ThrowsFormatExceptionAtItsOffset()
    {
        Assert.That(() => MessagePackTestHelpers.Decode(MessagePackTestHelpers.ParseDashedHex("92-01-c1")),
            Throws.TypeOf<MessagePackFormatException>()
                .With.Property(nameof(MessagePackFormatException.Offset)).EqualTo(2)
                .And.Message.Contains("never-used byte (0xC1)"));
    }

    [Test]
    public void ReadTimestamp_TooManyNanoseconds_ThrowsFormatException()
    {
        Assert.That(() =>
        {
            var reader = new MessagePackReader(MessagePackTestHelpers.ParseDashedHex("c7-0c-ff-3b-9a-ca-00-00-00-00-00-00-00-00-00"));
            return reader.ReadTimestamp();
        }, Throws.TypeOf<MessagePackFormatException>().With.Message.Contains("out of range"));
    }

    [Test]
    public void DynamicRead_SeededRandomGarbage_ThrowsOnlyFormatExceptions()
    {
        var random = new Random(1234);
        var unexpected = new List<string>();
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(1, 48)];
            random.NextBytes(bytes);
            try
            {
                var reader = new MessagePackReader(bytes);
                MessagePackValue.Read(ref reader);
            }
            catch (MessagePackFormatException)
            {
            }
            catch (Exception ex)
            {
                unexpected.Add($"{Convert.ToHexString(bytes)}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.That(unexpected, Is.Empty);
    }

    private static byte[] Nested(int depth)
    {
        var bytes = new byte[depth + 1];
        bytes.AsSpan(0, depth).Fill(0x91);
        bytes[depth] = 0xC0;
        return bytes;
    }
}
