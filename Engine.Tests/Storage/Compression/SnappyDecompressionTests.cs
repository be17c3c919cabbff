using Engine.Core.Errors;
using Engine.Storage.Compression;

namespace Engine.Tests.Storage.Compression;

/// <summary>
/// Snappy pages decode through the system's libsnappy into the caller's buffer, with IronSnappy as the
/// fallback when the library is missing: both must give the same bytes and the same typed errors.
/// </summary>
[TestFixture]
public sealed class SnappyDecompressionTests
{
    private static readonly int[] s_sizes = [0, 1, 100, 65_536, 1_048_576];

    [Test]
    public void LibSnappy_IsLoadableOnTheTestMachine() =>
        Assert.That(NativeSnappy.IsAvailable, Is.True, "install Debian's libsnappy1v5 (.ci/run does)");

    [TestCaseSource(nameof(s_sizes))]
    public void NativeAndManaged_DecodeTheSameBytes(int size)
    {
        var page = Page(size, seed: size);
        var compressed = IronSnappy.Snappy.Encode(page);

        var native = new byte[size];
        PageDecompressor.DecompressSnappyNative(compressed, native, "page", 0);
        var managed = PageDecompressor.DecompressSnappyManaged(compressed, size, "page", 0);

        Assert.That(native, Is.EqualTo(page));
        Assert.That(managed, Is.EqualTo(page));
    }

    [Test]
    public void Native_DeclaredLengthDisagreeingWithTheStream_IsCorruptData()
    {
        var compressed = IronSnappy.Snappy.Encode(Page(1000, seed: 1));

        Assert.That(() => PageDecompressor.DecompressSnappyNative(compressed, new byte[999], "file.parquet", 42),
            Throws.TypeOf<CorruptDataException>().With.Message.Contains("holds 1000 bytes but the page declares 999").And.Message.Contains("file.parquet"));
    }

    [Test]
    public void NativeAndManaged_TruncatedStream_AreCorruptData()
    {
        var compressed = IronSnappy.Snappy.Encode(Page(10_000, seed: 2));
        var truncated = compressed.AsSpan(0, compressed.Length / 2).ToArray();

        Assert.That(() => PageDecompressor.DecompressSnappyNative(truncated, new byte[10_000], "page", 0), Throws.TypeOf<CorruptDataException>());
        Assert.That(() => PageDecompressor.DecompressSnappyManaged(truncated, 10_000, "page", 0), Throws.TypeOf<CorruptDataException>());
    }

    [Test]
    public void Native_CopyReachingBeforeTheOutput_IsCorruptDataAndWritesNothingOutside()
    {
        // Preamble 8, then a 1-byte-offset copy of length 4 (tag 0b000_001_01 = copy-1, length 4) with no
        // literal before it: the copy points before the start of the output.
        byte[] hostile = [0x08, 0b0000_0001, 0x01];
        var output = new byte[8];

        Assert.That(() => PageDecompressor.DecompressSnappyNative(hostile, output, "page", 0), Throws.TypeOf<CorruptDataException>());
        Assert.That(() => PageDecompressor.DecompressSnappyManaged(hostile, 8, "page", 0), Throws.TypeOf<CorruptDataException>());
    }

    [Test]
    public void Decompress_SnappyPage_GoesThroughTheDispatcher()
    {
        var page = Page(5000, seed: 3);
        var restored = new byte[page.Length];

        PageDecompressor.Decompress(Engine.Storage.Parquet.Metadata.CompressionCodec.Snappy, IronSnappy.Snappy.Encode(page), restored, "page", 0);

        Assert.That(restored, Is.EqualTo(page));
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
