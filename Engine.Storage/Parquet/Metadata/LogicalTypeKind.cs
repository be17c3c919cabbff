namespace Engine.Storage.Parquet.Metadata;

/// <summary>Which member of the Parquet LogicalType union is set (the numbers are the union's field ids).</summary>
public enum LogicalTypeKind
{
    /// <summary>A LogicalType this reader does not know; the column is read by its physical type.</summary>
    Unknown = 0,

    /// <summary>UTF-8 text.</summary>
    String = 1,

    /// <summary>A map (nested).</summary>
    Map = 2,

    /// <summary>A list (nested).</summary>
    List = 3,

    /// <summary>An enum stored as text.</summary>
    Enum = 4,

    /// <summary>A decimal (scale, precision).</summary>
    Decimal = 5,

    /// <summary>Days since 1970-01-01.</summary>
    Date = 6,

    /// <summary>Time of day (unit, UTC adjustment).</summary>
    Time = 7,

    /// <summary>Instant or local date-time (unit, UTC adjustment).</summary>
    Timestamp = 8,

    /// <summary>An integer of a given width and signedness.</summary>
    Integer = 10,

    /// <summary>Always NULL.</summary>
    Null = 11,

    /// <summary>JSON text.</summary>
    Json = 12,

    /// <summary>BSON document.</summary>
    Bson = 13,

    /// <summary>16-byte UUID.</summary>
    Uuid = 14,

    /// <summary>IEEE 754 half precision in 2 bytes.</summary>
    Float16 = 15,
}
