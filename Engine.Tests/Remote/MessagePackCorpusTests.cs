using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Tests.Remote;

/// <summary>The kawanet/msgpack-test-suite vectors (all 15 groups), one test case per vector.</summary>
[TestFixture]
public sealed class MessagePackCorpusTests
{
    [TestCaseSource(typeof(MessagePackCorpusVector), nameof(MessagePackCorpusVector.All))]
    public void Vector_EveryListedEncoding_DecodesToStatedValue(MessagePackCorpusVector vector)
    {
        foreach (var encoding in vector.Encodings)
        {
            var decoded = MessagePackTestHelpers.Decode(MessagePackTestHelpers.ParseDashedHex(encoding));
            Assert.That(MessagePackTestHelpers.SemanticEquals(vector.Expected, decoded), Is.True,
                $"{encoding} decoded to {MessagePackTestHelpers.Describe(decoded)}, expected {MessagePackTestHelpers.Describe(vector.Expected)}");
        }
    }

    [TestCaseSource(typeof(MessagePackCorpusVector), nameof(MessagePackCorpusVector.All))]
    public void Vector_DecodedValue_ReencodesToAListedEncoding(MessagePackCorpusVector vector)
    {
        foreach (var encoding in vector.Encodings)
        {
            var decoded = MessagePackTestHelpers.Decode(MessagePackTestHelpers.ParseDashedHex(encoding));
            var reencoded = MessagePackTestHelpers.ToDashedHex(MessagePackTestHelpers.Encode(decoded));
            Assert.That(vector.Encodings, Does.Contain(reencoded), $"re-encoding of {encoding}");
        }
    }

    [TestCaseSource(typeof(MessagePackCorpusVector), nameof(MessagePackCorpusVector.All))]
    public void Vector_StatedValue_EncodesToAListedEncoding(MessagePackCorpusVector vector)
    {
        var encoded = MessagePackTestHelpers.ToDashedHex(MessagePackTestHelpers.Encode(vector.Expected));

        Assert.That(vector.Encodings, Does.Contain(encoded));
    }

    [TestCaseSource(typeof(MessagePackCorpusVector), nameof(MessagePackCorpusVector.All))]
    public void Vector_OneBytePerSegment_DecodesToStatedValue(MessagePackCorpusVector vector)
    {
        foreach (var encoding in vector.Encodings)
        {
            var bytes = MessagePackTestHelpers.ParseDashedHex(encoding);
            var decoded = MessagePackTestHelpers.Decode(SegmentedSequence.OneBytePerSegment(bytes));
            Assert.That(MessagePackTestHelpers.SemanticEquals(vector.Expected, decoded), Is.True,
                $"{encoding} split into single bytes decoded to {MessagePackTestHelpers.Describe(decoded)}");
        }
    }

    [TestCaseSource(typeof(MessagePackCorpusVector), nameof(MessagePackCorpusVector.All))]
    public void Vector_Skip_ConsumesExactlyEachEncoding(MessagePackCorpusVector vector)
    {
        foreach (var encoding in vector.Encodings)
        {
            var bytes = MessagePackTestHelpers.ParseDashedHex(encoding);
            var reader = new MessagePackReader(bytes);
            reader.Skip();
            Assert.That(reader.Consumed, Is.EqualTo(bytes.Length), encoding);
        }
    }
}
