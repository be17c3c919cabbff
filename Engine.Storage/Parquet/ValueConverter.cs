using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet;

/// <summary>
/// Per-value conversions from Parquet's stored representation to Engine values (see
/// <see cref="ParquetTypeMapping"/> for the rules), shared by page decoding and footer statistics.
/// </summary>
internal static class ValueConverter
{
    /// <summary>Days between the Julian day epoch and 1970-01-01 (INT96).</summary>
    private const long JulianDayOfUnixEpoch = 2_440_588;

    private static readonly double[] s_powersOfTen = BuildPowersOfTen();

    /// <summary>Converts a stored INT32/INT64 to an Engine Int64/Timestamp value; false when it does not fit.</summary>
    public static bool TryConvertInteger(ValueConversion conversion, long raw, out long value)
    {
        switch (conversion)
        {
            case ValueConversion.UnsignedInt32:
                value = (uint)raw;
                return true;
            case ValueConversion.UnsignedInt64:
                value = raw;
                return raw >= 0;
            case ValueConversion.Date:
                return TryMultiply(raw, TimestampMicros.PerDay, out value);
            case ValueConversion.TimeMillis or ValueConversion.TimestampMillis:
                return TryMultiply(raw, 1000, out value);
            case ValueConversion.TimeNanos or ValueConversion.TimestampNanos:
                value = FloorDivide(raw, 1000);
                return true;
            default:
                value = raw;
                return true;
        }
    }

    /// <summary>
    /// Converts an INT96 (8 bytes nanoseconds of day, 4 bytes Julian day) to microseconds. The arithmetic
    /// wraps modulo 2^64 microseconds exactly as the writers that produce INT96 (Spark) compute it, so an
    /// instant that overflowed their intermediate Julian-day value (years beyond 292,000 BC/AD excepted)
    /// comes back as the instant that was written; for every in-range encoding wrapping changes nothing.
    /// </summary>
    public static long ConvertInt96(ReadOnlySpan<byte> bytes)
    {
        var nanos = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var julianDay = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        return unchecked((julianDay * TimestampMicros.PerDay) + FloorDivide(nanos, 1000) - (JulianDayOfUnixEpoch * TimestampMicros.PerDay));
    }

    /// <summary>A DECIMAL stored as an integer, as a Double.</summary>
    public static double DecimalToDouble(long unscaled, int scale) => unscaled / s_powersOfTen[scale];

    /// <summary>A DECIMAL stored as big-endian two's complement bytes, as a Double.</summary>
    public static double DecimalToDouble(ReadOnlySpan<byte> bigEndian, int scale) =>
        bigEndian.Length <= 16
            ? (double)ReadInt128(bigEndian) / s_powersOfTen[scale]
            : (double)new BigInteger(bigEndian, isUnsigned: false, isBigEndian: true) / s_powersOfTen[scale];

    /// <summary>A DECIMAL's exact text: the unscaled integer with a point before the last <paramref name="scale"/> digits.</summary>
    public static string DecimalToText(BigInteger unscaled, int scale)
    {
        var digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(digits.Length + 3);
        if (unscaled.Sign < 0)
        {
            builder.Append('-');
        }

        if (scale == 0)
        {
            return builder.Append(digits).ToString();
        }

        if (digits.Length <= scale)
        {
            digits = new string('0', scale - digits.Length + 1) + digits;
        }

        return builder.Append(digits, 0, digits.Length - scale).Append('.').Append(digits, digits.Length - scale, scale).ToString();
    }

    /// <summary>Big-endian two's complement bytes as an integer.</summary>
    public static BigInteger ReadBigInteger(ReadOnlySpan<byte> bigEndian) =>
        bigEndian.IsEmpty ? BigInteger.Zero : new BigInteger(bigEndian, isUnsigned: false, isBigEndian: true);

    /// <summary>
    /// Converts footer statistics to Engine statistics; a bound is NULL (unknown) when the format gives no
    /// reliable value for this column type, when it is NaN, or when it does not fit the Engine type.
    /// </summary>
    public static ColumnStatistics ConvertStatistics(ParquetColumnDescriptor column, ParquetStatistics? statistics)
    {
        var type = column.Field.Type;
        if (statistics is null)
        {
            return new ColumnStatistics(ScalarValue.Null(type), ScalarValue.Null(type), -1);
        }

        var legacyUsable = column.PhysicalType is PhysicalType.Boolean or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.Float or PhysicalType.Double
            && column.Conversion is not (ValueConversion.UnsignedInt32 or ValueConversion.UnsignedInt64);
        var min = statistics.MinValue ?? (legacyUsable ? statistics.LegacyMin : null);
        var max = statistics.MaxValue ?? (legacyUsable ? statistics.LegacyMax : null);
        var nans = column.PhysicalType is PhysicalType.Float or PhysicalType.Double && statistics.NanCount is >= 0 ? statistics.NanCount.Value : -1;
        return new ColumnStatistics(ConvertBound(column, min), ConvertBound(column, max), statistics.NullCount ?? -1, nans);
    }

    private static ScalarValue ConvertBound(ParquetColumnDescriptor column, byte[]? bytes)
    {
        var type = column.Field.Type;
        var unknown = ScalarValue.Null(type);
        if (bytes is null)
        {
            return unknown;
        }

        switch (column.Conversion)
        {
            case ValueConversion.Boolean:
                return bytes.Length >= 1 ? ScalarValue.FromBool((bytes[0] & 1) != 0) : unknown;
            case ValueConversion.Float:
                return bytes.Length == 4 ? FiniteOrUnknown(BinaryPrimitives.ReadSingleLittleEndian(bytes), unknown) : unknown;
            case ValueConversion.Double:
                return bytes.Length == 8 ? FiniteOrUnknown(BinaryPrimitives.ReadDoubleLittleEndian(bytes), unknown) : unknown;
            case ValueConversion.Float16:
                return bytes.Length == 2 ? FiniteOrUnknown((double)BinaryPrimitives.ReadHalfLittleEndian(bytes), unknown) : unknown;
            case ValueConversion.DecimalIntegerToDouble:
                return TryReadInteger(column.PhysicalType, bytes, out var unscaled) ? ScalarValue.FromDouble(DecimalToDouble(unscaled, column.Scale)) : unknown;
            case ValueConversion.DecimalBytesToDouble:
                return bytes.Length is > 0 and <= 16 ? ScalarValue.FromDouble(DecimalToDouble(bytes, column.Scale)) : unknown;
            case ValueConversion.Utf8:
                return ScalarValue.FromString(Encoding.UTF8.GetString(bytes));
            case ValueConversion.Int96Timestamp or ValueConversion.BinaryText or ValueConversion.DecimalIntegerToText or ValueConversion.DecimalBytesToText:
                return unknown;
            default:
                if (!TryReadInteger(column.PhysicalType, bytes, out var raw) || !TryConvertInteger(column.Conversion, raw, out var value))
                {
                    return unknown;
                }

                return type == DataType.Timestamp ? ScalarValue.FromTimestamp(value) : ScalarValue.FromInt64(value);
        }
    }

    private static bool TryReadInteger(PhysicalType physical, byte[] bytes, out long value)
    {
        switch (physical)
        {
            case PhysicalType.Int32 when bytes.Length == 4:
                value = BinaryPrimitives.ReadInt32LittleEndian(bytes);
                return true;
            case PhysicalType.Int64 when bytes.Length == 8:
                value = BinaryPrimitives.ReadInt64LittleEndian(bytes);
                return true;
            default:
                value = 0;
                return false;
        }
    }

    private static ScalarValue FiniteOrUnknown(double value, ScalarValue unknown) => double.IsNaN(value) ? unknown : ScalarValue.FromDouble(value);

    private static Int128 ReadInt128(ReadOnlySpan<byte> bigEndian)
    {
        if (bigEndian.IsEmpty)
        {
            return Int128.Zero;
        }

        Int128 value = (sbyte)bigEndian[0];
        for (var i = 1; i < bigEndian.Length; i++)
        {
            value = (value << 8) | bigEndian[i];
        }

        return value;
    }

    private static bool TryMultiply(long value, long factor, out long result)
    {
        var product = (Int128)value * factor;
        result = (long)product;
        return product >= long.MinValue && product <= long.MaxValue;
    }

    private static long FloorDivide(long value, long divisor)
    {
        var quotient = Math.DivRem(value, divisor, out var remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }

    private static double[] BuildPowersOfTen()
    {
        var powers = new double[77];
        for (var i = 0; i < powers.Length; i++)
        {
            powers[i] = double.Parse("1e" + i.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        return powers;
    }

    /// <summary>The error for a stored value Engine cannot represent (for example UINT_64 ≥ 2^63).</summary>
    public static UnsupportedFeatureException OutOfRange(ParquetColumnDescriptor column, string objectName, string value) =>
        new($"{column.Conversion} value out of Engine's range", $"column '{column.Name}' in '{objectName}' holds {value}, which does not fit a {column.Field.Type.SqlName()}");
}
