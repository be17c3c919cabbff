using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Engine.Core.Errors;

namespace Engine.Core.Sql;

/// <summary>
/// Reads interval text such as <c>'5m'</c>, <c>'1 minute'</c> or <c>'1 hour 30 minutes'</c> into
/// microseconds, for <c>INTERVAL '...'</c> literals and <c>time_bucket('1m', ts)</c>. Components are a
/// whole number and a unit (us, ms, s, m, h, d, w or their long names, singular or plural, any case),
/// with or without a space between them; an optional leading sign applies to the whole interval.
/// Stateless and thread-safe.
/// </summary>
public static class IntervalParser
{
    /// <summary>
    /// Parses <paramref name="text"/> into <paramref name="micros"/>. Returns false with a message that
    /// quotes the text and shows valid forms when it is not an interval or does not fit in 64 bits; the
    /// binder turns that message into a <see cref="QueryBindException"/>. Throws
    /// <see cref="UnsupportedFeatureException"/> for months and years, whose length varies.
    /// </summary>
    public static bool TryParse(string text, out long micros, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        micros = 0;
        var span = text.AsSpan();
        var position = SkipSpaces(span, 0);
        var negative = false;
        if (position < span.Length && span[position] is '+' or '-')
        {
            negative = span[position] == '-';
            position = SkipSpaces(span, position + 1);
        }

        if (position >= span.Length)
        {
            error = NotAnInterval(text);
            return false;
        }

        long total = 0;
        while (position < span.Length)
        {
            var digitsStart = position;
            while (position < span.Length && char.IsAsciiDigit(span[position]))
            {
                position++;
            }

            if (position == digitsStart)
            {
                error = NotAnInterval(text);
                return false;
            }

            var digits = span[digitsStart..position];
            position = SkipSpaces(span, position);
            var unitStart = position;
            while (position < span.Length && char.IsAsciiLetter(span[position]))
            {
                position++;
            }

            var unit = UnitMicros(span[unitStart..position], text);
            if (unit == 0)
            {
                error = NotAnInterval(text);
                return false;
            }

            position = SkipSpaces(span, position);
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                || !TryAccumulate(ref total, count, unit))
            {
                error = $"'{text}' is too large for an interval (at most {long.MaxValue} microseconds, about 292,000 years)";
                return false;
            }
        }

        micros = negative ? -total : total;
        error = null;
        return true;
    }

    private static bool TryAccumulate(ref long total, long count, long unit)
    {
        try
        {
            total = checked(total + checked(count * unit));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The length of <paramref name="unit"/> in microseconds, or 0 when it is not a unit.</summary>
    private static long UnitMicros(ReadOnlySpan<char> unit, string text)
    {
        if (Is(unit, "us") || Is(unit, "usec") || Is(unit, "usecs") || Is(unit, "microsecond") || Is(unit, "microseconds"))
        {
            return 1;
        }

        if (Is(unit, "ms") || Is(unit, "msec") || Is(unit, "msecs") || Is(unit, "millisecond") || Is(unit, "milliseconds"))
        {
            return TimeSpan.TicksPerMillisecond / TimeSpan.TicksPerMicrosecond;
        }

        if (Is(unit, "s") || Is(unit, "sec") || Is(unit, "secs") || Is(unit, "second") || Is(unit, "seconds"))
        {
            return TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond;
        }

        if (Is(unit, "m") || Is(unit, "min") || Is(unit, "mins") || Is(unit, "minute") || Is(unit, "minutes"))
        {
            return TimeSpan.TicksPerMinute / TimeSpan.TicksPerMicrosecond;
        }

        if (Is(unit, "h") || Is(unit, "hr") || Is(unit, "hrs") || Is(unit, "hour") || Is(unit, "hours"))
        {
            return TimeSpan.TicksPerHour / TimeSpan.TicksPerMicrosecond;
        }

        if (Is(unit, "d") || Is(unit, "day") || Is(unit, "days"))
        {
            return TimeSpan.TicksPerDay / TimeSpan.TicksPerMicrosecond;
        }

        if (Is(unit, "w") || Is(unit, "week") || Is(unit, "weeks"))
        {
            return 7 * TimeSpan.TicksPerDay / TimeSpan.TicksPerMicrosecond;
        }

        if (Is(unit, "mon") || Is(unit, "mons") || Is(unit, "month") || Is(unit, "months")
            || Is(unit, "y") || Is(unit, "yr") || Is(unit, "yrs") || Is(unit, "year") || Is(unit, "years"))
        {
            throw new UnsupportedFeatureException(
                "interval in months or years",
                $"'{text}' has no fixed length in microseconds; use days or weeks instead");
        }

        return 0;
    }

    private static bool Is(ReadOnlySpan<char> unit, string name) => unit.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static int SkipSpaces(ReadOnlySpan<char> span, int position)
    {
        while (position < span.Length && char.IsWhiteSpace(span[position]))
        {
            position++;
        }

        return position;
    }

    private static string NotAnInterval(string text) => $"'{text}' is not an interval; use e.g. '1 minute', '5m', '1h'";
}
