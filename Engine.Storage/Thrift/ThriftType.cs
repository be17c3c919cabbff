namespace Engine.Storage.Thrift;

/// <summary>
/// Type codes of the Thrift compact protocol as they appear in the low nibble of a field header and in
/// list/set/map headers. In a field header, a boolean's value is the type itself (true / false).
/// </summary>
internal enum ThriftType : byte
{
    /// <summary>End of a struct.</summary>
    Stop = 0,

    /// <summary>Boolean true (field header) or boolean (collection element).</summary>
    BooleanTrue = 1,

    /// <summary>Boolean false (field header).</summary>
    BooleanFalse = 2,

    /// <summary>Signed 8-bit integer, one raw byte.</summary>
    Byte = 3,

    /// <summary>Signed 16-bit integer, zigzag varint.</summary>
    I16 = 4,

    /// <summary>Signed 32-bit integer, zigzag varint.</summary>
    I32 = 5,

    /// <summary>Signed 64-bit integer, zigzag varint.</summary>
    I64 = 6,

    /// <summary>IEEE 754 double, 8 bytes little-endian.</summary>
    Double = 7,

    /// <summary>Length-prefixed bytes (also strings).</summary>
    Binary = 8,

    /// <summary>List header, then elements.</summary>
    List = 9,

    /// <summary>Set header, then elements (same layout as a list).</summary>
    Set = 10,

    /// <summary>Map header, then key/value pairs.</summary>
    Map = 11,

    /// <summary>Nested struct, fields until <see cref="Stop"/>.</summary>
    Struct = 12,
}
