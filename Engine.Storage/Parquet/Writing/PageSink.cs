using System.Buffers;
using System.IO.Hashing;
using Engine.Storage.Compression;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Thrift;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Collects the pages of the column chunks of one row group in memory: a column writer fills
/// <see cref="Body"/> with a page's uncompressed bytes, then <see cref="WriteDataPage"/> or
/// <see cref="WriteDictionaryPage"/> compresses it and appends header (with the CRC-32 of the stored body)
/// and body to <see cref="Output"/>.
/// Tracks the absolute file offset of everything appended. Owned by one <see cref="ParquetFileWriter"/>;
/// its buffers are reused from row group to row group and never shared between threads.
/// </summary>
internal sealed class PageSink
{
    private readonly ThriftCompactWriter _header = new();
    private byte[] _compressed = new byte[1024];

    /// <summary>Creates a sink whose pages are compressed with <paramref name="codec"/>.</summary>
    public PageSink(CompressionCodec codec)
    {
        Codec = codec;
    }

    /// <summary>The page compression codec.</summary>
    public CompressionCodec Codec { get; }

    /// <summary>The uncompressed body of the page being built; cleared by each Write*Page call.</summary>
    public ArrayBufferWriter<byte> Body { get; } = new(1 << 16);

    /// <summary>The encoded pages appended since the last <see cref="Reset"/>.</summary>
    public ArrayBufferWriter<byte> Output { get; } = new(1 << 16);

    /// <summary>The file offset of the first byte of <see cref="Output"/>.</summary>
    public long BaseOffset { get; private set; }

    /// <summary>The file offset at which the next page will start.</summary>
    public long Position => BaseOffset + Output.WrittenCount;

    /// <summary>Bytes of page headers and uncompressed bodies appended since the last <see cref="BeginChunk"/>.</summary>
    public long ChunkUncompressedSize { get; private set; }

    /// <summary>Bytes of page headers and stored bodies appended since the last <see cref="BeginChunk"/>.</summary>
    public long ChunkCompressedSize { get; private set; }

    /// <summary>Forgets the pages written (after they reached the file) and continues at <paramref name="baseOffset"/>.</summary>
    public void Reset(long baseOffset)
    {
        Output.ResetWrittenCount();
        Body.ResetWrittenCount();
        BaseOffset = baseOffset;
    }

    /// <summary>Starts the size counters of a new column chunk.</summary>
    public void BeginChunk()
    {
        ChunkUncompressedSize = 0;
        ChunkCompressedSize = 0;
    }

    /// <summary>
    /// Compresses <see cref="Body"/> and appends it as a version 1 data page of <paramref name="numValues"/> values
    /// (NULLs included); returns the page's file offset and its stored size (header plus body), as the OffsetIndex records them.
    /// </summary>
    public (long Offset, int Size) WriteDataPage(int numValues, ParquetEncoding encoding)
    {
        var offset = Position;
        var compressedSize = Compress();
        _header.Reset();
        ParquetMetadataEncoder.WriteDataPageHeader(_header, Body.WrittenCount, compressedSize, Crc32.HashToUInt32(Stored(compressedSize)), numValues, encoding);
        Append(compressedSize);
        return (offset, checked((int)(Position - offset)));
    }

    /// <summary>Compresses <see cref="Body"/> and appends it as a PLAIN dictionary page of <paramref name="numValues"/> entries.</summary>
    public void WriteDictionaryPage(int numValues)
    {
        var compressedSize = Compress();
        _header.Reset();
        ParquetMetadataEncoder.WriteDictionaryPageHeader(_header, Body.WrittenCount, compressedSize, Crc32.HashToUInt32(Stored(compressedSize)), numValues);
        Append(compressedSize);
    }

    private int Compress() => Codec == CompressionCodec.Uncompressed
        ? Body.WrittenCount
        : PageCompressor.Compress(Codec, Body.WrittenSpan, ref _compressed);

    // The page body as stored after its header: what the header's CRC-32 covers.
    private ReadOnlySpan<byte> Stored(int compressedSize) =>
        Codec == CompressionCodec.Uncompressed ? Body.WrittenSpan : _compressed.AsSpan(0, compressedSize);

    private void Append(int compressedSize)
    {
        Output.Write(_header.WrittenSpan);
        Output.Write(Stored(compressedSize));
        ChunkUncompressedSize = checked(ChunkUncompressedSize + _header.Length + Body.WrittenCount);
        ChunkCompressedSize = checked(ChunkCompressedSize + _header.Length + compressedSize);
        Body.ResetWrittenCount();
    }
}
