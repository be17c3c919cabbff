namespace Engine.Core.Columns;

/// <summary>The logical types a column can hold.</summary>
public enum DataType : byte
{
    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 1,

    /// <summary>IEEE 754 double.</summary>
    Double = 2,

    /// <summary>Microseconds since 1970-01-01T00:00:00Z, stored as a signed 64-bit integer.</summary>
    Timestamp = 3,

    /// <summary>Boolean, bit-packed like Arrow.</summary>
    Bool = 4,

    /// <summary>UTF-16 string, dictionary-encoded (int32 codes into a string dictionary).</summary>
    String = 5,
}
