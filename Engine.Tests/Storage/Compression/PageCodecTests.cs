using System.Buffers.Binary;
using Engine.Core.Errors;
using Engine.Storage.Compression;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Tests.Storage.Compression;

/// <summary>
/// Page codecs are managed packages (Snappier, ZstdSharp.Port, K4os.Compression.LZ4) that need no system
/// library: what the writer compresses the reader restores byte for byte, and a stream that lies about its
/// length, is cut short or is damaged is a <see cref="CorruptDataException"/> naming the object, with nothing
/// written outside the page's destination.
/// </summary>
[TestFixture]
public sealed class PageCodecTests
{
    private static readonly CompressionCodec[] s_codecs = [CompressionCodec.Snappy, CompressionCodec.Zstd, CompressionCodec.Lz4Raw, CompressionCodec.Gzip, CompressionCodec.Brotli];
    private static readonly int[] s_sizes = [0, 1, 100, 65_536, 1_048_576];

    private static IEnumerable<TestCaseData> CodecsAndSizes() =>
        s_codecs.SelectMany(codec => s_sizes.Select(size => new TestCaseData(codec, size)));

    [TestCaseSource(nameof(CodecsAndSizes))]
    public void CompressThenDecompress_RestoresThePage(CompressionCodec codec, int size)
    {
        var page = Page(size, seed: size);
        var compressed = Compress(codec, page);
        var restored = new byte[size];

        PageDecompressor.Decompress(codec, compressed, restored, "page", 0);

        Assert.That(restored, Is.EqualTo(page));
    }

    [Test]
    public void Decompress_HadoopFramedLz4_RestoresThePage()
    {
        var page = Page(10_000, seed: 7);
        var block = Compress(CompressionCodec.Lz4Raw, page);
        var framed = new byte[8 + block.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed, (uint)page.Length);
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(4), (uint)block.Length);
        block.CopyTo(framed, 8);
        var restored = new byte[page.Length];

        PageDecompressor.Decompress(CompressionCodec.Lz4, framed, restored, "page", 0);

        Assert.That(restored, Is.EqualTo(page));
    }

    [TestCase(CompressionCodec.Snappy)]
    [TestCase(CompressionCodec.Zstd)]
    [TestCase(CompressionCodec.Lz4Raw)]
    [TestCase(CompressionCodec.Gzip)]
    [TestCase(CompressionCodec.Brotli)]
    public void Decompress_DeclaredLengthShorterThanTheStream_IsCorruptDataNamingTheObject(CompressionCodec codec)
    {
        var compressed = Compress(codec, Page(1000, seed: 1));

        Assert.That(() => PageDecompressor.Decompress(codec, compressed, new byte[999], "file.parquet", 42),
            Throws.TypeOf<CorruptDataException>().With.Message.Contains("file.parquet").And.Message.Contains("999"));
    }

    [TestCase(CompressionCodec.Snappy)]
    [TestCase(CompressionCodec.Zstd)]
    [TestCase(CompressionCodec.Lz4Raw)]
    [TestCase(CompressionCodec.Gzip)]
    [TestCase(CompressionCodec.Brotli)]
    public void Decompress_DeclaredLengthLongerThanTheStream_IsCorruptData(CompressionCodec codec)
    {
        var compressed = Compress(codec, Page(1000, seed: 1));

        Assert.That(() => PageDecompressor.Decompress(codec, compressed, new byte[1001], "file.parquet", 42), Throws.TypeOf<CorruptDataException>());
    }

    [Test]
    public void Snappy_PreambleDisagreeingWithTheDeclaredLength_NamesBothLengths()
    {
        var compressed = Compress(CompressionCodec.Snappy, Page(1000, seed: 1));

        Assert.That(() => PageDecompressor.Decompress(CompressionCodec.Snappy, compressed, new byte[999], "file.parquet", 42),
            Throws.TypeOf<CorruptDataException>().With.Message.Contains("holds 1000 bytes but the page declares 999"));
    }

    [TestCase(CompressionCodec.Snappy)]
    [TestCase(CompressionCodec.Zstd)]
    [TestCase(CompressionCodec.Lz4Raw)]
    public void Decompress_TruncatedStream_IsCorruptData(CompressionCodec codec)
    {
        var compressed = Compress(codec, Page(10_000, seed: 2));
        var truncated = compressed.AsSpan(0, compressed.Length / 2).ToArray();

        Assert.That(() => PageDecompressor.Decompress(codec, truncated, new byte[10_000], "page", 0), Throws.TypeOf<CorruptDataException>());
    }

    [Test]
    public void Snappy_CopyReachingBeforeTheOutput_IsCorruptDataAndWritesNothingOutside()
    {
        // Preamble 8, then a 1-byte-offset copy of length 4 (tag 0b000_001_01 = copy-1, length 4) with no
        // literal before it: the copy points before the start of the output.
        byte[] hostile = [0x08, 0b0000_0001, 0x01];
        var buffer = new byte[24];
        buffer.AsSpan().Fill(0xAB);

        Assert.That(() => Decompress(CompressionCodec.Snappy, hostile, buffer, 8, 8), Throws.TypeOf<CorruptDataException>());
        Assert.That(buffer.AsSpan(0, 8).ToArray().Concat(buffer.AsSpan(16).ToArray()), Is.All.EqualTo((byte)0xAB));
    }

    [TestCase(CompressionCodec.Snappy)]
    [TestCase(CompressionCodec.Zstd)]
    [TestCase(CompressionCodec.Lz4Raw)]
    [TestCase(CompressionCodec.Lz4)]
    public void Decompress_EveryDamagedByte_RestoresOrFailsAsCorruptWithinTheDestination(CompressionCodec codec)
    {
        var page = Page(4096, seed: 3);
        var compressed = Compress(codec == CompressionCodec.Lz4 ? CompressionCodec.Lz4Raw : codec, page);
        var unexpected = new List<string>();
        var random = new Random(11);
        for (var position = 0; position < compressed.Length; position++)
        {
            var damaged = (byte[])compressed.Clone();
            damaged[position] = (byte)random.Next(256);
            // The destination is the middle of a larger buffer whose guard bytes must survive.
            var buffer = new byte[page.Length + 128];
            buffer.AsSpan().Fill(0xAB);
            try
            {
                Decompress(codec, damaged, buffer, 64, page.Length);
            }
            catch (CorruptDataException)
            {
            }
            catch (Exception exception) when (exception is not AssertionException)
            {
                unexpected.Add($"byte {position}: {exception.GetType().Name}: {exception.Message}");
            }

            if (buffer.AsSpan(0, 64).ContainsAnyExcept((byte)0xAB) || buffer.AsSpan(64 + page.Length).ContainsAnyExcept((byte)0xAB))
            {
                unexpected.Add($"byte {position}: wrote outside the destination");
            }
        }

        Assert.That(unexpected, Is.Empty);
    }

    [TestCase(CompressionCodec.Snappy)]
    [TestCase(CompressionCodec.Zstd)]
    [TestCase(CompressionCodec.Lz4Raw)]
    [TestCase(CompressionCodec.Lz4)]
    public void Decompress_RandomBytes_FailAsCorruptData(CompressionCodec codec)
    {
        var random = new Random(5);
        var unexpected = new List<string>();
        for (var trial = 0; trial < 500; trial++)
        {
            var garbage = new byte[random.Next(1, 200)];
            random.NextBytes(garbage);
            try
            {
                PageDecompressor.Decompress(codec, garbage, new byte[random.Next(0, 2000)], "page", 0);
            }
            catch (CorruptDataException)
            {
            }
            catch (Exception exception) when (exception is not AssertionException)
            {
                unexpected.Add($"trial {trial}: {exception.GetType().Name}: {exception.Message}");
            }
        }

        Assert.That(unexpected, Is.Empty);
    }

    private static void Decompress(CompressionCodec codec, byte[] source, byte[] buffer, int start, int length) =>
        PageDecompressor.Decompress(codec, source, buffer.AsSpan(start, length), "page", 0);

    private static byte[] Compress(CompressionCodec codec, byte[] page)
    {
        var destination = Array.Empty<byte>();
        var written = PageCompressor.Compress(codec, page, ref destination);
        return destination.AsSpan(0, written).ToArray();
    }

    // Little-endian longs of small random values, like a volume column: short matches between literals.
    private static byte[] Page(int size, int seed)
    {
        var random = new Random(seed);
        var page = new byte[size];
        for (var i = 0; i + 8 <= size; i += 8)
        {
            BitConverter.TryWriteBytes(page.AsSpan(i), (long)random.Next(1, 10_000));
        }

        return page;
    }
}
