namespace Engine.Core.Columns;

/// <summary>
/// The kind of a <see cref="DataType"/>, without its parameters (a DECIMAL's precision and scale). The
/// numbers are stable: they are the type tags of the remote wire format.
/// </summary>
public enum TypeId : byte
{
    /// <summary>BIGINT: signed 64-bit integer.</summary>
    Int64 = 1,

    /// <summary>DOUBLE: IEEE 754 double.</summary>
    Double = 2,

    /// <summary>TIMESTAMP: microseconds since 1970-01-01T00:00:00, stored as a signed 64-bit integer.</summary>
    Timestamp = 3,

    /// <summary>BOOLEAN, bit-packed like Arrow.</summary>
    Bool = 4,

    /// <summary>VARCHAR: UTF-16 strings, dictionary-encoded (int32 codes into a string dictionary).</summary>
    String = 5,

    /// <summary>INTERVAL: a length of time in microseconds, stored as a signed 64-bit integer.</summary>
    Interval = 6,
}
