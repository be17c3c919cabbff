using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet;

/// <summary>
/// Maps a Parquet column (physical type + LogicalType, else ConvertedType) to an Engine type. The
/// LogicalType wins when it is one this reader knows; an unknown LogicalType is ignored and the column is
/// read by its ConvertedType or physical type.
/// <list type="bullet">
/// <item>INT32/INT64, incl. INT_8/16/32/64 and UINT_8/16/32 → Int64; UINT_64 → Int64, a value ≥ 2^63 fails
/// with an error naming the column (never wraps).</item>
/// <item>FLOAT, DOUBLE, FLOAT16 → Double. BOOLEAN → Bool.</item>
/// <item>BYTE_ARRAY with STRING/UTF8, ENUM or JSON → String (UTF-8; invalid sequences become U+FFFD).</item>
/// <item>BYTE_ARRAY / FIXED_LEN_BYTE_ARRAY without a text annotation (incl. BSON, UUID) → String as DuckDB
/// renders a BLOB: bytes 0x20..0x7E except <c>"</c> and <c>'</c> as themselves, every other byte as
/// <c>\xHH</c> (upper-case hex).</item>
/// <item>DECIMAL(p, s) on any physical type: p ≤ 15 → Double (the nearest double to the exact value);
/// p &gt; 15 → String holding the exact decimal text with s fraction digits.</item>
/// <item>DATE → Timestamp at midnight UTC. TIME (ms/µs/ns) → Int64 microseconds since midnight.</item>
/// <item>TIMESTAMP (ms/µs/ns, UTC-adjusted or local) and INT96 → Timestamp in microseconds; local values are
/// taken as UTC wall-clock; nanoseconds are floored to microseconds.</item>
/// </list>
/// </summary>
internal static class ParquetTypeMapping
{
    /// <summary>The largest DECIMAL precision read as a Double; larger ones are read as exact text.</summary>
    public const int MaxDoubleDecimalPrecision = 15;

    /// <summary>Chooses the Engine type and the conversion for <paramref name="element"/>.</summary>
    public static (DataType Type, ValueConversion Conversion) Map(SchemaElement element, string objectName)
    {
        var physical = element.Type!.Value;
        var logical = element.LogicalType is { Kind: not LogicalTypeKind.Unknown } known ? known : FromConverted(element);
        if (logical?.Kind == LogicalTypeKind.Decimal)
        {
            var (precision, _) = DecimalParameters(element, objectName);
            var toDouble = precision <= MaxDoubleDecimalPrecision;
            return physical switch
            {
                PhysicalType.Int32 or PhysicalType.Int64 => toDouble
                    ? (DataType.Double, ValueConversion.DecimalIntegerToDouble)
                    : (DataType.String, ValueConversion.DecimalIntegerToText),
                PhysicalType.ByteArray or PhysicalType.FixedLenByteArray => toDouble
                    ? (DataType.Double, ValueConversion.DecimalBytesToDouble)
                    : (DataType.String, ValueConversion.DecimalBytesToText),
                _ => throw new CorruptDataException(objectName, -1, $"column '{element.Name}': DECIMAL on physical type {physical}"),
            };
        }

        switch (physical)
        {
            case PhysicalType.Boolean:
                return (DataType.Bool, ValueConversion.Boolean);
            case PhysicalType.Int32:
                return logical?.Kind switch
                {
                    LogicalTypeKind.Integer when !logical.IsSigned => (DataType.Int64, ValueConversion.UnsignedInt32),
                    LogicalTypeKind.Date => (DataType.Timestamp, ValueConversion.Date),
                    LogicalTypeKind.Time => (DataType.Int64, ValueConversion.TimeMillis),
                    _ => (DataType.Int64, ValueConversion.SignedInteger),
                };
            case PhysicalType.Int64:
                return logical?.Kind switch
                {
                    LogicalTypeKind.Integer when !logical.IsSigned => (DataType.Int64, ValueConversion.UnsignedInt64),
                    LogicalTypeKind.Time => (DataType.Int64, logical.Unit == TimeUnit.Nanos ? ValueConversion.TimeNanos : logical.Unit == TimeUnit.Millis ? ValueConversion.TimeMillis : ValueConversion.TimeMicros),
                    LogicalTypeKind.Timestamp => (DataType.Timestamp, logical.Unit switch
                    {
                        TimeUnit.Millis => ValueConversion.TimestampMillis,
                        TimeUnit.Nanos => ValueConversion.TimestampNanos,
                        _ => ValueConversion.TimestampMicros,
                    }),
                    _ => (DataType.Int64, ValueConversion.SignedInteger),
                };
            case PhysicalType.Int96:
                return (DataType.Timestamp, ValueConversion.Int96Timestamp);
            case PhysicalType.Float:
                return (DataType.Double, ValueConversion.Float);
            case PhysicalType.Double:
                return (DataType.Double, ValueConversion.Double);
            case PhysicalType.FixedLenByteArray when logical?.Kind == LogicalTypeKind.Float16:
                if (element.TypeLength != 2)
                {
                    throw new CorruptDataException(objectName, -1, $"column '{element.Name}': FLOAT16 needs FIXED_LEN_BYTE_ARRAY(2), not ({element.TypeLength})");
                }

                return (DataType.Double, ValueConversion.Float16);
            default:
                return logical?.Kind is LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json
                    ? (DataType.String, ValueConversion.Utf8)
                    : (DataType.String, ValueConversion.BinaryText);
        }
    }

    /// <summary>The DECIMAL (precision, scale) of <paramref name="element"/>, validated.</summary>
    public static (int Precision, int Scale) DecimalParameters(SchemaElement element, string objectName)
    {
        var precision = element.LogicalType is { Kind: LogicalTypeKind.Decimal } logical ? logical.Precision : element.Precision ?? 0;
        var scale = element.LogicalType is { Kind: LogicalTypeKind.Decimal } logical2 ? logical2.Scale : element.Scale ?? 0;
        if (precision is < 1 or > 76 || scale < 0 || scale > precision)
        {
            throw new CorruptDataException(objectName, -1, $"column '{element.Name}': DECIMAL precision {precision} and scale {scale} are invalid");
        }

        return (precision, scale);
    }

    private static LogicalType? FromConverted(SchemaElement element) => element.ConvertedType switch
    {
        ConvertedType.Utf8 => new LogicalType { Kind = LogicalTypeKind.String },
        ConvertedType.Enum => new LogicalType { Kind = LogicalTypeKind.Enum },
        ConvertedType.Json => new LogicalType { Kind = LogicalTypeKind.Json },
        ConvertedType.Decimal => new LogicalType { Kind = LogicalTypeKind.Decimal, Precision = element.Precision ?? 0, Scale = element.Scale ?? 0 },
        ConvertedType.Date => new LogicalType { Kind = LogicalTypeKind.Date },
        ConvertedType.TimeMillis => new LogicalType { Kind = LogicalTypeKind.Time, Unit = TimeUnit.Millis, IsAdjustedToUtc = true },
        ConvertedType.TimeMicros => new LogicalType { Kind = LogicalTypeKind.Time, Unit = TimeUnit.Micros, IsAdjustedToUtc = true },
        ConvertedType.TimestampMillis => new LogicalType { Kind = LogicalTypeKind.Timestamp, Unit = TimeUnit.Millis, IsAdjustedToUtc = true },
        ConvertedType.TimestampMicros => new LogicalType { Kind = LogicalTypeKind.Timestamp, Unit = TimeUnit.Micros, IsAdjustedToUtc = true },
        ConvertedType.UInt8 => new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = 8, IsSigned = false },
        ConvertedType.UInt16 => new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = 16, IsSigned = false },
        ConvertedType.UInt32 => new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = 32, IsSigned = false },
        ConvertedType.UInt64 => new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = 64, IsSigned = false },
        ConvertedType.Int8 => new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = 8 },
        ConvertedType.Int16 => new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = 16 },
        ConvertedType.Int32 => new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = 32 },
        ConvertedType.Int64 => new LogicalType { Kind = LogicalTypeKind.Integer, BitWidth = 64 },
        _ => null,
    };
}
