using System.Globalization;
using Engine.Core.Columns;

namespace Engine.Storage.Catalog;

/// <summary>
/// Types Hive partition-key values the way DuckDB does for the common cases: all whole numbers → BIGINT,
/// all ISO dates or date-times → TIMESTAMP, anything else → VARCHAR. NULLs do not decide the type.
/// </summary>
public static class PartitionKeyTyping
{
    /// <summary>The type that every non-NULL value of <paramref name="values"/> parses as.</summary>
    public static DataType Infer(IEnumerable<string?> values)
    {
        var allIntegers = true;
        var allTimestamps = true;
        var any = false;
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }

            any = true;
            allIntegers &= long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            allTimestamps &= TimestampMicros.TryParse(value, out _);
        }

        return !any ? DataType.String : allIntegers ? DataType.Int64 : allTimestamps ? DataType.Timestamp : DataType.String;
    }

    /// <summary>Parses <paramref name="value"/> as <paramref name="type"/>, or returns false.</summary>
    public static bool TryConvert(string? value, DataType type, out ScalarValue result)
    {
        if (value is null)
        {
            result = ScalarValue.Null(type);
            return true;
        }

        switch (type.Id)
        {
            case TypeId.Int64 when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                result = ScalarValue.FromInt64(integer);
                return true;
            case TypeId.Double when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                result = ScalarValue.FromDouble(number);
                return true;
            case TypeId.Timestamp when TimestampMicros.TryParse(value, out var micros):
                result = ScalarValue.FromTimestamp(micros);
                return true;
            case TypeId.Bool when bool.TryParse(value, out var flag):
                result = ScalarValue.FromBool(flag);
                return true;
            case TypeId.String:
                result = ScalarValue.FromString(value);
                return true;
            default:
                result = ScalarValue.Null(type);
                return false;
        }
    }
}
