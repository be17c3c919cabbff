namespace Engine.Storage.Parquet;

/// <summary>How stored Parquet values become Engine values; chosen once per column by <see cref="ParquetTypeMapping"/>.</summary>
internal enum ValueConversion
{
    /// <summary>BOOLEAN → Bool.</summary>
    Boolean,

    /// <summary>Signed INT32/INT64 (incl. INT_8..INT_64) → Int64.</summary>
    SignedInteger,

    /// <summary>INT32 holding UINT_8/16/32 → Int64 (bits reinterpreted as unsigned).</summary>
    UnsignedInt32,

    /// <summary>INT64 holding UINT_64 → Int64; a value ≥ 2^63 is an error.</summary>
    UnsignedInt64,

    /// <summary>INT32 DATE (days) → Timestamp at midnight UTC.</summary>
    Date,

    /// <summary>TIME in milliseconds → Int64 microseconds since midnight.</summary>
    TimeMillis,

    /// <summary>TIME in microseconds → Int64 microseconds since midnight.</summary>
    TimeMicros,

    /// <summary>TIME in nanoseconds → Int64 microseconds since midnight (floored).</summary>
    TimeNanos,

    /// <summary>TIMESTAMP milliseconds → Timestamp.</summary>
    TimestampMillis,

    /// <summary>TIMESTAMP microseconds → Timestamp.</summary>
    TimestampMicros,

    /// <summary>TIMESTAMP nanoseconds → Timestamp (floored to microseconds).</summary>
    TimestampNanos,

    /// <summary>Legacy INT96 (nanoseconds of day, Julian day) → Timestamp (floored to microseconds).</summary>
    Int96Timestamp,

    /// <summary>FLOAT → Double.</summary>
    Float,

    /// <summary>DOUBLE → Double.</summary>
    Double,

    /// <summary>FLOAT16 in FIXED_LEN_BYTE_ARRAY(2) → Double.</summary>
    Float16,

    /// <summary>DECIMAL on INT32/INT64 with precision ≤ 15 → Double.</summary>
    DecimalIntegerToDouble,

    /// <summary>DECIMAL on INT64 with precision &gt; 15 → exact decimal text.</summary>
    DecimalIntegerToText,

    /// <summary>DECIMAL on BYTE_ARRAY/FIXED_LEN_BYTE_ARRAY with precision ≤ 15 → Double.</summary>
    DecimalBytesToDouble,

    /// <summary>DECIMAL on BYTE_ARRAY/FIXED_LEN_BYTE_ARRAY with precision &gt; 15 → exact decimal text.</summary>
    DecimalBytesToText,

    /// <summary>UTF-8 text (STRING, ENUM, JSON) → String.</summary>
    Utf8,

    /// <summary>Bytes without a text annotation → String, printable ASCII kept and other bytes as \xHH.</summary>
    BinaryText,
}
