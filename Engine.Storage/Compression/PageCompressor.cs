using System.IO.Compression;
using Engine.Core.Errors;
using Engine.Storage.Parquet.Metadata;
using K4os.Compression.LZ4;
using Snappier;
using ZstdSharp;

namespace Engine.Storage.Compression;

/// <summary>
/// Compresses one Parquet page body for the writer; the counterpart of <see cref="PageDecompressor"/>.
/// Snappy comes from Snappier, ZSTD from ZstdSharp.Port, LZ4_RAW from K4os.Compression.LZ4 (all managed),
/// GZIP and Brotli from the BCL. Levels are fixed at each codec's usual default (GZIP optimal, Brotli 5,
/// ZSTD 3, LZ4 fast). LZO and the deprecated Hadoop-framed LZ4 are not written
/// (<see cref="UnsupportedFeatureException"/>). Thread-safe: the only state is one ZSTD context per thread.
/// </summary>
internal static class PageCompressor
{
    [ThreadStatic]
    private static Compressor? s_zstd;

    private const int BrotliQuality = 5;
    private const int BrotliWindow = 22;
    private const int ZstdLevel = 3;

    // An RFC 1952 member holding zero bytes: the header (deflate, no flags, unknown OS), one empty final
    // fixed-Huffman block (0x03 0x00), CRC-32 0 and size 0. GZipStream writes nothing at all for empty input.
    private static readonly byte[] s_emptyGzip = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>True when the writer can produce pages compressed with <paramref name="codec"/>.</summary>
    public static bool CanCompress(CompressionCodec codec) => codec is CompressionCodec.Uncompressed or CompressionCodec.Snappy
        or CompressionCodec.Gzip or CompressionCodec.Brotli or CompressionCodec.Zstd or CompressionCodec.Lz4Raw;

    /// <summary>
    /// Compresses <paramref name="source"/> with <paramref name="codec"/> into <paramref name="destination"/>,
    /// replacing it with a larger array when it is too small, and returns the number of bytes written. The
    /// caller owns <paramref name="destination"/> before and after the call.
    /// </summary>
    public static int Compress(CompressionCodec codec, ReadOnlySpan<byte> source, ref byte[] destination)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                EnsureCapacity(ref destination, source.Length);
                source.CopyTo(destination);
                return source.Length;
            case CompressionCodec.Snappy:
                EnsureCapacity(ref destination, Snappy.GetMaxCompressedLength(source.Length));
                return Snappy.Compress(source, destination);
            case CompressionCodec.Gzip:
                return CompressGzip(source, ref destination);
            case CompressionCodec.Brotli:
                EnsureCapacity(ref destination, BrotliEncoder.GetMaxCompressedLength(source.Length));
                if (!BrotliEncoder.TryCompress(source, destination, out var written, BrotliQuality, BrotliWindow))
                {
                    throw new InvalidOperationException($"Brotli could not compress a page of {source.Length} bytes.");
                }

                return written;
            case CompressionCodec.Zstd:
                return CompressZstd(source, ref destination);
            case CompressionCodec.Lz4Raw:
                return CompressLz4(source, ref destination);
            default:
                throw new UnsupportedFeatureException($"writing Parquet compression codec {codec}", "the writer supports UNCOMPRESSED, SNAPPY, GZIP, BROTLI, ZSTD and LZ4_RAW");
        }
    }

    private static int CompressGzip(ReadOnlySpan<byte> source, ref byte[] destination)
    {
        if (source.IsEmpty)
        {
            EnsureCapacity(ref destination, s_emptyGzip.Length);
            s_emptyGzip.CopyTo(destination, 0);
            return s_emptyGzip.Length;
        }

        using var output = new MemoryStream(source.Length / 2 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(source);
        }

        var length = checked((int)output.Length);
        EnsureCapacity(ref destination, length);
        output.GetBuffer().AsSpan(0, length).CopyTo(destination);
        return length;
    }

    private static int CompressZstd(ReadOnlySpan<byte> source, ref byte[] destination)
    {
        EnsureCapacity(ref destination, Compressor.GetCompressBound(source.Length));
        var compressor = s_zstd ??= new Compressor(ZstdLevel);
        return compressor.Wrap(source, destination);
    }

    private static int CompressLz4(ReadOnlySpan<byte> source, ref byte[] destination)
    {
        EnsureCapacity(ref destination, LZ4Codec.MaximumOutputSize(source.Length));
        var written = LZ4Codec.Encode(source, destination);
        if (written <= 0 && !source.IsEmpty)
        {
            throw new InvalidOperationException($"LZ4 could not compress a page of {source.Length} bytes.");
        }

        return written;
    }

    private static void EnsureCapacity(ref byte[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new byte[Math.Max(size, buffer.Length * 2)];
        }
    }
}
