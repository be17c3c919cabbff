using System.Globalization;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Sql;

namespace Engine.Core.Execution.Kernels;

/// <summary>
/// Converts columns between types with DuckDB 1.5's rules: DOUBLE to BIGINT rounds half to even and fails
/// out of range (NaN included); text parses trimmed, as a decimal rounded half away from zero for BIGINT
/// (<c>'2.5'</c> is 3, <c>'1e3'</c> is 1000),
/// <c>'t'</c>/<c>'yes'</c>/<c>'1'</c> are true, ISO dates and times are timestamps, <c>'01:30:00'</c> and
/// <c>'5 minutes'</c> are intervals); values print as DuckDB prints them (<c>2024-01-01 10:00:00.5</c>,
/// <c>1e+20</c>, <c>true</c>). TIMESTAMP and INTERVAL do not convert to or from numbers. A value that does
/// not convert fails the query with <see cref="QueryExecutionException"/>, or is NULL when the cast is a
/// TRY_CAST. String sources convert once per dictionary entry.
/// </summary>
internal static class CastKernel
{
    /// <summary>True when values of <paramref name="from"/> can be cast to <paramref name="to"/> (the binder checks before building a cast).</summary>
    public static bool CanCast(DataType from, DataType to)
    {
        if (from == to || from.Id == TypeId.String || to.Id == TypeId.String)
        {
            return true;
        }

        var temporal = from.Id is TypeId.Timestamp or TypeId.Interval || to.Id is TypeId.Timestamp or TypeId.Interval;
        return !temporal;
    }

    /// <summary><paramref name="column"/> as <paramref name="type"/>; the column itself when it already has that type.</summary>
    public static Column Cast(Column column, DataType type, bool isTry = false)
    {
        if (column.Type == type)
        {
            return column;
        }

        if (column is StringColumn strings)
        {
            return FromStrings(strings, type, isTry);
        }

        if (type.Id == TypeId.String)
        {
            return ToStrings(column);
        }

        return (column, type.Id) switch
        {
            (Int64Column ints, TypeId.Double) => ToDouble(ints),
            (DoubleColumn doubles, TypeId.Int64) => DoublesToInt64(doubles, isTry),
            (BoolColumn bools, TypeId.Int64) => BoolsTo(bools, static b => new Int64Column(b)),
            (BoolColumn bools, TypeId.Double) => BoolsTo(bools, static b => new DoubleColumn(Array.ConvertAll(b, v => (double)v))),
            (Int64Column ints, TypeId.Bool) => NonZero(ints, ints.Values.Length, i => ints.Values[i] != 0),
            (DoubleColumn doubles, TypeId.Bool) => NonZero(doubles, doubles.Values.Length, i => doubles.Values[i] != 0),
            _ => throw new QueryExecutionException($"Cannot cast {column.Type.SqlName()} to {type.SqlName()}."),
        };
    }

    /// <summary><paramref name="column"/> as doubles; a DOUBLE column is returned as it is.</summary>
    public static DoubleColumn ToDouble(Column column) => column as DoubleColumn ?? ToDouble((Int64Column)column);

    /// <summary>The text DuckDB prints for a value of <paramref name="value"/>'s type (not NULL).</summary>
    public static string Text(ScalarValue value) => value.Type.Id switch
    {
        TypeId.Double => DoubleText.Format(value.DoubleValue),
        TypeId.Timestamp => TimestampText(value.Int64Value),
        TypeId.Bool => value.BoolValue ? "true" : "false",
        _ => value.ToString(),
    };

    private static DoubleColumn ToDouble(Int64Column column)
    {
        var source = column.Values;
        var values = new double[source.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = source[i];
        }

        return new DoubleColumn(values, Validity.Copy(column));
    }

    private static Int64Column DoublesToInt64(DoubleColumn column, bool isTry)
    {
        var source = column.Values;
        var values = new long[source.Length];
        var validity = Validity.Copy(column);
        for (var i = 0; i < values.Length; i++)
        {
            if (column.IsNull(i))
            {
                continue;
            }

            if (TryRound(source[i], MidpointRounding.ToEven, out values[i]))
            {
                continue;
            }

            if (!isTry)
            {
                throw new QueryExecutionException(
                    $"Type DOUBLE with value {DoubleText.Format(source[i])} can't be cast because the value is out of range for the destination type BIGINT.");
            }

            validity ??= ValidityBitmap.Create(values.Length, allValid: true);
            ValidityBitmap.Set(validity, i, false);
        }

        return new Int64Column(values, validity);
    }

    // -2^63 <= x < 2^63 after rounding, NaN never.
    private static bool TryRound(double value, MidpointRounding mode, out long result)
    {
        var rounded = Math.Round(value, mode);
        if (rounded >= -9.223372036854775808e18 && rounded < 9.223372036854775808e18)
        {
            result = (long)rounded;
            return true;
        }

        result = 0;
        return false;
    }

    private static Column BoolsTo(BoolColumn column, Func<long[], Column> build)
    {
        var values = new long[column.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column.GetValue(i) ? 1 : 0;
        }

        var built = build(values);
        return column.HasNulls ? WithValidity(built, Validity.Copy(column)) : built;
    }

    private static Column WithValidity(Column column, byte[]? validity) => column switch
    {
        Int64Column ints => new Int64Column(ints.Values.ToArray(), validity, ints.Type),
        DoubleColumn doubles => new DoubleColumn(doubles.Values.ToArray(), validity),
        _ => column,
    };

    private static BoolColumn NonZero(Column column, int count, Func<int, bool> test)
    {
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        for (var i = 0; i < count; i++)
        {
            if (test(i))
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }

        return new BoolColumn(bits, count, Validity.Copy(column));
    }

    private static StringColumn ToStrings(Column column)
    {
        var texts = new string?[column.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = column.IsNull(i) ? null : Text(column.GetScalar(i));
        }

        return StringColumn.FromValues(texts);
    }

    // Each distinct string converts once; the rows take their entry's result.
    private static Column FromStrings(StringColumn column, DataType type, bool isTry)
    {
        var dictionary = column.Dictionary;
        var converted = new ScalarValue[dictionary.Count];
        var used = new bool[dictionary.Count];
        var codes = column.Codes;
        for (var i = 0; i < codes.Length; i++)
        {
            if (!column.IsNull(i))
            {
                used[codes[i]] = true;
            }
        }

        for (var code = 0; code < converted.Length; code++)
        {
            converted[code] = !used[code] ? ScalarValue.Null(type)
                : TryParse(dictionary[code], type, out var value) ? value
                : isTry ? ScalarValue.Null(type)
                : throw new QueryExecutionException($"Could not convert string '{dictionary[code]}' to {type.SqlName()}.");
        }

        var builder = new ColumnBuilder(type, codes.Length);
        for (var i = 0; i < codes.Length; i++)
        {
            builder.Append(column.IsNull(i) ? ScalarValue.Null(type) : converted[codes[i]]);
        }

        return builder.Build();
    }

    private static bool TryParse(string text, DataType type, out ScalarValue value)
    {
        var trimmed = text.Trim();
        value = default;
        switch (type.Id)
        {
            case TypeId.Int64:
                if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    value = ScalarValue.FromInt64(integer);
                    return true;
                }

                if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
                {
                    var rounded = Math.Round(exact, MidpointRounding.AwayFromZero);
                    if (rounded is >= long.MinValue and <= long.MaxValue)
                    {
                        value = ScalarValue.FromInt64((long)rounded);
                        return true;
                    }

                    return false;
                }

                if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && TryRound(real, MidpointRounding.AwayFromZero, out integer))
                {
                    value = ScalarValue.FromInt64(integer);
                    return true;
                }

                return false;
            case TypeId.Double:
                if (TryParseDouble(trimmed, out var number))
                {
                    value = ScalarValue.FromDouble(number);
                    return true;
                }

                return false;
            case TypeId.Bool:
                switch (trimmed.ToLowerInvariant())
                {
                    case "true" or "t" or "yes" or "y" or "1":
                        value = ScalarValue.FromBool(true);
                        return true;
                    case "false" or "f" or "no" or "n" or "0":
                        value = ScalarValue.FromBool(false);
                        return true;
                    default:
                        return false;
                }

            case TypeId.Timestamp:
                if (TimestampMicros.TryParse(trimmed, out var micros))
                {
                    value = ScalarValue.FromTimestamp(micros);
                    return true;
                }

                return false;
            case TypeId.Interval:
                if (TryParseClock(trimmed, out var clock) || IntervalParser.TryParse(trimmed, out clock, out _))
                {
                    value = ScalarValue.FromInterval(clock);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    private static bool TryParseDouble(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "nan":
                value = double.NaN;
                return true;
            case "inf" or "+inf" or "infinity" or "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    // [-]HH:MM[:SS[.ffffff]], hours unbounded.
    private static bool TryParseClock(string text, out long micros)
    {
        micros = 0;
        var negative = text.StartsWith('-');
        var parts = (negative ? text[1..] : text).Split(':');
        if (parts.Length is < 2 or > 3 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > 59 || hours > 2_562_047_787)
        {
            return false;
        }

        double seconds = 0;
        if (parts.Length == 3 && (!double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds) || seconds >= 60))
        {
            return false;
        }

        micros = (hours * TimestampMicros.PerHour) + (minutes * TimestampMicros.PerMinute) + (long)Math.Round(seconds * TimestampMicros.PerSecond);
        micros = negative ? -micros : micros;
        return true;
    }

    // DuckDB's text of a timestamp: a space between date and time, the fraction without trailing zeros.
    private static string TimestampText(long micros)
    {
        var text = TimestampMicros.Format(micros);
        return text.EndsWith('Z') ? text[..^1].Replace('T', ' ') : text;
    }
}
