namespace Engine.Storage.Parquet.Metadata;

/// <summary>Parquet physical (storage) types, with the numbers used in the file format.</summary>
public enum PhysicalType
{
    /// <summary>One bit per value.</summary>
    Boolean = 0,

    /// <summary>32-bit signed integer.</summary>
    Int32 = 1,

    /// <summary>64-bit signed integer.</summary>
    Int64 = 2,

    /// <summary>Legacy 12-byte timestamp (nanoseconds of day + Julian day).</summary>
    Int96 = 3,

    /// <summary>IEEE 754 single precision.</summary>
    Float = 4,

    /// <summary>IEEE 754 double precision.</summary>
    Double = 5,

    /// <summary>Variable-length bytes.</summary>
    ByteArray = 6,

    /// <summary>Bytes of a length fixed by the schema.</summary>
    FixedLenByteArray = 7,
}
