using System.Buffers.Binary;
using System.IO.Compression;
using Engine.Core.Errors;
using Engine.Storage.Parquet.Metadata;
using K4os.Compression.LZ4;
using Snappier;
using ZstdSharp;

namespace Engine.Storage.Compression;

/// <summary>
/// Decompresses one Parquet page body into a destination of exactly the size the page header declares.
/// Output that would be larger or smaller than declared is a <see cref="CorruptDataException"/>; a codec
/// without an implementation (LZO) is an <see cref="UnsupportedFeatureException"/>. No codec is implemented
/// here, and none needs a system library: Snappy comes from Snappier, ZSTD from ZstdSharp.Port, LZ4 from
/// K4os.Compression.LZ4 (all managed, decoding straight into the destination), GZIP and Brotli from the BCL.
/// Thread-safe: the only state is one ZSTD decompression context per thread.
/// </summary>
internal static class PageDecompressor
{
    [ThreadStatic]
    private static Decompressor? s_zstd;

    /// <summary>
    /// The most a page may expand per compressed byte for <paramref name="codec"/> (the format's own limits,
    /// rounded up), used to reject a lying uncompressed size before allocating for it.
    /// </summary>
    public static long MaxExpansion(CompressionCodec codec) => codec switch
    {
        CompressionCodec.Uncompressed => 1,
        CompressionCodec.Snappy => 32,
        CompressionCodec.Lz4 or CompressionCodec.Lz4Raw => 256,
        CompressionCodec.Gzip => 1100,
        _ => 1 << 16,
    };

    /// <summary>
    /// Decompresses <paramref name="source"/> into all of <paramref name="destination"/>. <paramref name="objectName"/>
    /// and <paramref name="offset"/> (the page body's position in the object) go into error messages.
    /// </summary>
    public static void Decompress(CompressionCodec codec, ReadOnlySpan<byte> source, Span<byte> destination, string objectName, long offset)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                if (source.Length != destination.Length)
                {
                    throw Corrupt(objectName, offset, codec, $"an uncompressed page of {source.Length} bytes declares {destination.Length} bytes");
                }

                source.CopyTo(destination);
                break;
            case CompressionCodec.Snappy:
                DecompressSnappy(source, destination, objectName, offset);
                break;
            case CompressionCodec.Gzip:
                DecompressGzip(source, destination, objectName, offset);
                break;
            case CompressionCodec.Brotli:
                if (!BrotliDecoder.TryDecompress(source, destination, out var written) || written != destination.Length)
                {
                    throw Corrupt(objectName, offset, codec, $"the Brotli stream is malformed or does not inflate to the declared {destination.Length} bytes");
                }

                break;
            case CompressionCodec.Zstd:
                DecompressZstd(source, destination, objectName, offset);
                break;
            case CompressionCodec.Lz4Raw:
                var produced = DecompressLz4Block(source, destination);
                if (produced != destination.Length)
                {
                    throw Corrupt(objectName, offset, codec, $"the LZ4 block is malformed or does not inflate to the declared {destination.Length} bytes");
                }

                break;
            case CompressionCodec.Lz4:
                if (!TryDecompressHadoopLz4(source, destination) &&
                    DecompressLz4Block(source, destination) != destination.Length)
                {
                    throw Corrupt(objectName, offset, codec, $"the data is neither Hadoop-framed LZ4 nor a raw LZ4 block of the declared {destination.Length} bytes");
                }

                break;
            default:
                throw new UnsupportedFeatureException($"Parquet compression codec {codec}", $"object '{objectName}' at offset {offset}");
        }
    }

    /// <summary>
    /// Decompresses a Snappy page into all of <paramref name="destination"/> with Snappier, after checking that
    /// the stream's own length preamble equals the declared length. Snappier validates every tag and copy
    /// against the input and output bounds, so a hostile stream ends in a <see cref="CorruptDataException"/>
    /// and never writes outside <paramref name="destination"/>.
    /// </summary>
    public static void DecompressSnappy(ReadOnlySpan<byte> source, Span<byte> destination, string objectName, long offset)
    {
        CheckSnappyPreamble(source, destination.Length, objectName, offset);
        int written;
        try
        {
            written = Snappy.Decompress(source, destination);
        }
        catch (Exception exception) when (exception is InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            throw new CorruptDataException(objectName, offset, $"malformed SNAPPY page: {exception.Message}", exception);
        }

        if (written != destination.Length)
        {
            throw Corrupt(objectName, offset, CompressionCodec.Snappy, $"the Snappy stream inflated to {written} bytes, the page declares {destination.Length}");
        }
    }

    // The stream opens with its uncompressed length as a varint (Snappy format_description.txt, section 1);
    // it must agree with the page header before any decoder runs.
    private static void CheckSnappyPreamble(ReadOnlySpan<byte> source, int declaredLength, string objectName, long offset)
    {
        ulong declared = 0;
        var shift = 0;
        var i = 0;
        while (true)
        {
            if (i >= source.Length || shift > 35)
            {
                throw Corrupt(objectName, offset, CompressionCodec.Snappy, "the Snappy length preamble is malformed");
            }

            var b = source[i++];
            declared |= (ulong)(b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        if (declared != (ulong)declaredLength)
        {
            throw Corrupt(objectName, offset, CompressionCodec.Snappy, $"the Snappy stream holds {declared} bytes but the page declares {declaredLength}");
        }
    }

    private static unsafe void DecompressGzip(ReadOnlySpan<byte> source, Span<byte> destination, string objectName, long offset)
    {
        try
        {
            fixed (byte* pointer = source)
            {
                using var input = new UnmanagedMemoryStream(pointer, source.Length);
                using var gzip = new GZipStream(input, CompressionMode.Decompress);
                var total = gzip.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
                Span<byte> probe = stackalloc byte[1];
                if (total != destination.Length || gzip.Read(probe) != 0)
                {
                    throw Corrupt(objectName, offset, CompressionCodec.Gzip, $"the GZIP stream does not inflate to the declared {destination.Length} bytes");
                }
            }
        }
        catch (InvalidDataException exception)
        {
            throw new CorruptDataException(objectName, offset, $"malformed GZIP page: {exception.Message}", exception);
        }
    }

    private static void DecompressZstd(ReadOnlySpan<byte> source, Span<byte> destination, string objectName, long offset)
    {
        // One decompression context per thread: creating one costs more than decoding a small page.
        var decompressor = s_zstd ??= new Decompressor();
        int written;
        try
        {
            if (!decompressor.TryUnwrap(source, destination, out written))
            {
                throw Corrupt(objectName, offset, CompressionCodec.Zstd, $"the ZSTD data inflates to more than the declared {destination.Length} bytes");
            }
        }
        catch (ZstdException exception)
        {
            throw Corrupt(objectName, offset, CompressionCodec.Zstd, $"{exception.Message} (the page declares {destination.Length} bytes)");
        }

        if (written != destination.Length)
        {
            throw Corrupt(objectName, offset, CompressionCodec.Zstd, $"the ZSTD data inflated to {written} bytes, the page declares {destination.Length}");
        }
    }

    private static int DecompressLz4Block(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (source.IsEmpty)
        {
            return destination.IsEmpty ? 0 : -1;
        }

        return LZ4Codec.Decode(source, destination);
    }

    private static bool TryDecompressHadoopLz4(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var input = 0;
        var output = 0;
        while (input < source.Length)
        {
            if (source.Length - input < 4)
            {
                return false;
            }

            var chunkSize = BinaryPrimitives.ReadUInt32BigEndian(source[input..]);
            input += 4;
            if (chunkSize > (uint)(destination.Length - output))
            {
                return false;
            }

            var chunkEnd = output + (int)chunkSize;
            while (output < chunkEnd)
            {
                if (source.Length - input < 4)
                {
                    return false;
                }

                var blockSize = BinaryPrimitives.ReadUInt32BigEndian(source[input..]);
                input += 4;
                if (blockSize == 0 || blockSize > (uint)(source.Length - input))
                {
                    return false;
                }

                var produced = DecompressLz4Block(source.Slice(input, (int)blockSize), destination[output..chunkEnd]);
                if (produced <= 0)
                {
                    return false;
                }

                input += (int)blockSize;
                output += produced;
            }
        }

        return output == destination.Length;
    }

    private static CorruptDataException Corrupt(string objectName, long offset, CompressionCodec codec, string problem) =>
        new(objectName, offset, $"malformed {codec.ToString().ToUpperInvariant()} page: {problem}");
}
