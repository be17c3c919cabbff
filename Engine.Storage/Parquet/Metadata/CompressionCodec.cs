namespace Engine.Storage.Parquet.Metadata;

/// <summary>Parquet page compression codecs, with the numbers used in the file format.</summary>
public enum CompressionCodec
{
    /// <summary>No compression.</summary>
    Uncompressed = 0,

    /// <summary>Snappy raw blocks.</summary>
    Snappy = 1,

    /// <summary>Gzip (one or more concatenated members).</summary>
    Gzip = 2,

    /// <summary>LZO (not supported).</summary>
    Lzo = 3,

    /// <summary>Brotli.</summary>
    Brotli = 4,

    /// <summary>Deprecated LZ4: Hadoop-framed blocks, or a raw block from old writers.</summary>
    Lz4 = 5,

    /// <summary>Zstandard frames.</summary>
    Zstd = 6,

    /// <summary>A raw LZ4 block.</summary>
    Lz4Raw = 7,
}
