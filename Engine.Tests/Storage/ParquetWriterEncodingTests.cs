using System.Buffers;
using Engine.Storage.Compression;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage;

/// <summary>The writer's RLE/bit-packed hybrid encoder (exact bytes and a spec-level decode) and its page compressor.</summary>
[TestFixture]
public sealed class ParquetWriterEncodingTests
{
    private static readonly CompressionCodec[] s_codecs =
    [
        CompressionCodec.Uncompressed, CompressionCodec.Snappy, CompressionCodec.Gzip,
        CompressionCodec.Brotli, CompressionCodec.Zstd, CompressionCodec.Lz4Raw,
    ];

    [Test]
    public void Encode_TenEqualValues_IsOneRleRun()
    {
        byte[] expected = [0x14, 0x01];
        Assert.That(Encode([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 1), Is.EqualTo(expected));
    }

    [Test]
    public void Encode_ShortMixedRun_IsOnePaddedBitPackedGroup()
    {
        byte[] expected = [0x03, 0b0000_0101];
        Assert.That(Encode([1, 0, 1], 1), Is.EqualTo(expected));
    }

    [Test]
    public void Encode_LiteralsThenLongRun_FillsTheLiteralGroupFromTheRun()
    {
        // Three literals borrow five values of the run to complete a group; the other ten stay an RLE run.
        int[] values = [1, 2, 3, .. Enumerable.Repeat(5, 15)];
        byte[] expected = [0x03, 0b1101_0001, 0b1101_1010, 0b1011_0110, 0x14, 0x05];
        Assert.That(Encode(values, 3), Is.EqualTo(expected));
    }

    [Test]
    public void Encode_RleValueWiderThanOneByte_UsesCeilBitWidthBytes()
    {
        byte[] expected = [0x10, 0x34, 0x12];
        Assert.That(Encode([.. Enumerable.Repeat(0x1234, 8)], 13), Is.EqualTo(expected));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(7)]
    [TestCase(13)]
    [TestCase(20)]
    [TestCase(32)]
    public void Encode_RandomRunsAndLiterals_DecodesToTheSameValues(int bitWidth)
    {
        var random = new Random(bitWidth);
        var values = new List<int>();
        var max = bitWidth == 32 ? int.MaxValue : (1 << bitWidth) - 1;
        while (values.Count < 5000)
        {
            var value = (int)random.NextInt64(0, (long)max + 1);
            var repeat = random.Next(4) == 0 ? random.Next(1, 40) : 1;
            values.AddRange(Enumerable.Repeat(value, repeat));
        }

        var encoded = Encode([.. values], bitWidth);
        Assert.That(DecodeHybrid(encoded, bitWidth, values.Count), Is.EqualTo(values));
    }

    [Test]
    public void BitWidthFor_DictionarySizes_IsAtLeastOne()
    {
        int[] widths = [RleBitPackedEncoder.BitWidthFor(0), RleBitPackedEncoder.BitWidthFor(1), RleBitPackedEncoder.BitWidthFor(2), RleBitPackedEncoder.BitWidthFor(255), RleBitPackedEncoder.BitWidthFor(256)];
        int[] expected = [1, 1, 2, 8, 9];
        Assert.That(widths, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(s_codecs))]
    public void Compress_Page_DecompressesToTheSameBytes(CompressionCodec codec)
    {
        var random = new Random(7);
        var page = new byte[100_000];
        for (var i = 0; i < page.Length; i++)
        {
            page[i] = (byte)(i % 97 == 0 ? random.Next(256) : i / 1000);
        }

        var buffer = Array.Empty<byte>();
        var length = PageCompressor.Compress(codec, page, ref buffer);
        var restored = new byte[page.Length];
        PageDecompressor.Decompress(codec, buffer.AsSpan(0, length), restored, "page", 0);
        Assert.That(restored, Is.EqualTo(page));
    }

    [TestCaseSource(nameof(s_codecs))]
    public void Compress_EmptyPage_DecompressesToNothing(CompressionCodec codec)
    {
        var buffer = Array.Empty<byte>();
        var length = PageCompressor.Compress(codec, [], ref buffer);
        Assert.That(() => PageDecompressor.Decompress(codec, buffer.AsSpan(0, length), [], "page", 0), Throws.Nothing);
    }

    [Test]
    public void CanCompress_LzoAndHadoopLz4_AreNotWritten()
    {
        Assert.That(PageCompressor.CanCompress(CompressionCodec.Lzo), Is.False);
        Assert.That(PageCompressor.CanCompress(CompressionCodec.Lz4), Is.False);
    }

    private static byte[] Encode(int[] values, int bitWidth)
    {
        var output = new ArrayBufferWriter<byte>();
        RleBitPackedEncoder.Encode<int>(values, bitWidth, output);
        return output.WrittenSpan.ToArray();
    }

    // A direct reading of the specification's grammar, independent of the production decoder.
    private static List<int> DecodeHybrid(byte[] data, int bitWidth, int count)
    {
        var values = new List<int>();
        var position = 0;
        while (values.Count < count)
        {
            ulong header = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[position++];
                header |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            if ((header & 1) == 1)
            {
                var total = (int)(header >> 1) * 8;
                for (var i = 0; i < total; i++)
                {
                    long value = 0;
                    for (var bit = 0; bit < bitWidth; bit++)
                    {
                        var at = ((long)i * bitWidth) + bit;
                        value |= (long)((data[position + (int)(at >> 3)] >> (int)(at & 7)) & 1) << bit;
                    }

                    if (values.Count < count)
                    {
                        values.Add((int)value);
                    }
                }

                position += (int)(header >> 1) * bitWidth;
            }
            else
            {
                long value = 0;
                var bytes = (bitWidth + 7) / 8;
                for (var b = 0; b < bytes; b++)
                {
                    value |= (long)data[position++] << (8 * b);
                }

                values.AddRange(Enumerable.Repeat((int)value, (int)(header >> 1)));
            }
        }

        return values;
    }
}
