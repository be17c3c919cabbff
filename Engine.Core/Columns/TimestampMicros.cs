using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engine.Core.Columns;

/// <summary>
/// Conversions between Engine timestamps (int64 microseconds since 1970-01-01T00:00:00Z) and ISO-8601 text.
/// </summary>
public static class TimestampMicros
{
    /// <summary>Microseconds in one second.</summary>
    public const long PerSecond = 1_000_000;

    /// <summary>Microseconds in one minute.</summary>
    public const long PerMinute = 60 * PerSecond;

    /// <summary>Microseconds in one hour.</summary>
    public const long PerHour = 60 * PerMinute;

    /// <summary>Microseconds in one day.</summary>
    public const long PerDay = 24 * PerHour;

    private static readonly long s_minDateTimeMicros = FloorDiv(DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks, 10);
    private static readonly long s_maxDateTimeMicros = FloorDiv(DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks, 10);

    private static readonly string[] s_formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-ddTHH:mmK",
        "yyyy-MM-ddTHH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    /// <summary>
    /// Parses an ISO-8601 date or date-time (space or 'T' separator, optional fraction, optional 'Z' or
    /// ±hh:mm offset; no offset means UTC) into microseconds since the epoch.
    /// </summary>
    public static bool TryParse(string text, out long micros)
    {
        if (DateTimeOffset.TryParseExact(text.Trim(), s_formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            micros = FromDateTime(value.UtcDateTime);
            return true;
        }

        micros = 0;
        return false;
    }

    /// <summary>Converts a UTC <see cref="DateTime"/> to microseconds since the epoch (sub-microsecond ticks are floored).</summary>
    public static long FromDateTime(DateTime utc) => FloorDiv(utc.Ticks - DateTime.UnixEpoch.Ticks, 10);

    /// <summary>Converts microseconds since the epoch to a UTC <see cref="DateTime"/>.</summary>
    public static DateTime ToDateTime(long micros) => DateTime.UnixEpoch.AddTicks(checked(micros * 10));

    /// <summary>
    /// Formats as ISO-8601 UTC, <c>yyyy-MM-ddTHH:mm:ss[.ffffff]Z</c>, with the fraction only when it is
    /// not zero (trailing zeros trimmed).
    /// </summary>
    public static string Format(long micros)
    {
        if (micros < s_minDateTimeMicros || micros > s_maxDateTimeMicros)
        {
            // Outside years 1 to 9999 (e.g. an INT96 timestamp of year 290000): say so rather than fail.
            return $"{micros}us since 1970-01-01 (outside years 1-9999)";
        }

        var time = ToDateTime(micros);
        var fraction = FloorMod(micros, PerSecond);
        return fraction == 0
            ? time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Floor division: rounds toward negative infinity, so times before 1970 land in the right bucket.</summary>
    public static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0 && ((value < 0) != (divisor < 0))) ? quotient - 1 : quotient;
    }

    /// <summary>The remainder that matches <see cref="FloorDiv"/>: always in [0, divisor) for a positive divisor.</summary>
    public static long FloorMod(long value, long divisor)
    {
        var remainder = value % divisor;
        return (remainder != 0 && ((remainder < 0) != (divisor < 0))) ? remainder + divisor : remainder;
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> naming it.</summary>
    public static long Parse(string text) =>
        TryParse(text, out var micros) ? micros : throw new FormatException($"'{text}' is not an ISO-8601 timestamp.");

    /// <summary>Like <see cref="TryParse"/> but returns null on failure; convenient in pattern matches.</summary>
    public static long? ParseOrNull([NotNullWhen(true)] string? text) =>
        text is not null && TryParse(text, out var micros) ? micros : null;
}
