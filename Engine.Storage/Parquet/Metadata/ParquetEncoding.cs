namespace Engine.Storage.Parquet.Metadata;

/// <summary>Parquet value and level encodings, with the numbers used in the file format.</summary>
internal enum ParquetEncoding
{
    /// <summary>Values back to back in their natural layout.</summary>
    Plain = 0,

    /// <summary>Dictionary indices (legacy name; same layout as <see cref="RleDictionary"/>).</summary>
    PlainDictionary = 2,

    /// <summary>RLE/bit-packed hybrid.</summary>
    Rle = 3,

    /// <summary>Deprecated MSB-first bit packing (levels only).</summary>
    BitPacked = 4,

    /// <summary>Delta encoding of integers in bit-packed miniblocks.</summary>
    DeltaBinaryPacked = 5,

    /// <summary>Delta-encoded lengths followed by the concatenated bytes.</summary>
    DeltaLengthByteArray = 6,

    /// <summary>Prefix lengths and suffixes (incremental encoding).</summary>
    DeltaByteArray = 7,

    /// <summary>Dictionary indices as an RLE/bit-packed hybrid with a bit-width byte.</summary>
    RleDictionary = 8,

    /// <summary>Bytes of each value scattered into one stream per byte position.</summary>
    ByteStreamSplit = 9,
}
