using System.Diagnostics.CodeAnalysis;
using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// A strptime format: the <see cref="StrftimeFormat"/> specifiers read back from text, as DuckDB does it.
/// Numbers may drop their leading zeros (<c>%m</c> reads <c>1</c> or <c>01</c>; <c>%Y</c> at most four
/// digits, <c>%f</c> six); <c>%y</c> reads 69–99 as 1969–1999 and 00–68 as 2000–2068; names ignore case
/// (<c>%b %a</c> the three-letter forms, <c>%B %A</c> the full ones; weekday names are checked for form
/// only); <c>%j</c> sets the day of the year unless the month or day is read too; <c>%z</c> reads
/// <c>+hh</c>, <c>+hhmm</c> or <c>+hh:mm</c> and shifts the result to UTC. White space in the format matches
/// one or more white-space characters, white space around the text is skipped, and anything else left over is
/// an error. The week specifiers
/// (<c>%U %W %V %G %u %w</c>), <c>%n</c> and <c>%Z</c> are refused when the format is parsed. Immutable and
/// thread-safe.
/// </summary>
internal sealed class StrptimeFormat
{
    private static readonly string[] s_months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly string[] s_days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private readonly (char Specifier, string? Literal)[] _segments;

    private StrptimeFormat((char, string?)[] segments) => _segments = segments;

    /// <summary>Parses <paramref name="format"/>; false with the problem when it is not a format strptime can read.</summary>
    public static bool TryParse(string format, [NotNullWhen(true)] out StrptimeFormat? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (!StrftimeFormat.TryParse(format, out var layout, out error))
        {
            return false;
        }

        var segments = new List<(char, string?)>();
        foreach (var (specifier, _, literal) in layout.Segments)
        {
            switch (specifier)
            {
                case '\0':
                    segments.Add(('\0', literal));
                    break;
                case 'c':
                    segments.AddRange([('Y', null), ('\0', "-"), ('m', null), ('\0', "-"), ('d', null), ('\0', " "), ('H', null), ('\0', ":"), ('M', null), ('\0', ":"), ('S', null)]);
                    break;
                case 'x':
                    segments.AddRange([('Y', null), ('\0', "-"), ('m', null), ('\0', "-"), ('d', null)]);
                    break;
                case 'X' or 'T':
                    segments.AddRange([('H', null), ('\0', ":"), ('M', null), ('\0', ":"), ('S', null)]);
                    break;
                case 'U' or 'W' or 'V' or 'G' or 'u' or 'w' or 'n' or 'Z':
                    error = $"strptime does not read '%{specifier}' yet (week numbers, nanoseconds and zone names)";
                    return false;
                default:
                    segments.Add((specifier, null));
                    break;
            }
        }

        parsed = new StrptimeFormat([.. segments]);
        return true;
    }

    /// <summary>Reads <paramref name="text"/>; false when it does not match the format or names no valid timestamp.</summary>
    public bool TryRead(string text, out long micros)
    {
        micros = 0;
        var position = SkipSpaces(text, 0);
        long year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, fraction = 0, dayOfYear = 0, offsetMinutes = 0;
        var pm = (bool?)null;
        var monthOrDayRead = false;
        foreach (var (specifier, literal) in _segments)
        {
            if (literal is not null)
            {
                foreach (var c in literal)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        var before = position;
                        position = SkipSpaces(text, position);
                        if (position == before && position < text.Length)
                        {
                            return false;
                        }
                    }
                    else if (position < text.Length && text[position] == c)
                    {
                        position++;
                    }
                    else
                    {
                        return false;
                    }
                }

                continue;
            }

            monthOrDayRead |= specifier is 'm' or 'd' or 'b' or 'h' or 'B';
            var ok = specifier switch
            {
                'Y' => TryNumber(text, ref position, 4, out year),
                'y' => TryNumber(text, ref position, 2, out year) && SetCentury(ref year),
                'm' => TryNumber(text, ref position, 2, out month),
                'd' => TryNumber(text, ref position, 2, out day),
                'H' or 'I' => TryNumber(text, ref position, 2, out hour),
                'M' => TryNumber(text, ref position, 2, out minute),
                'S' => TryNumber(text, ref position, 2, out second),
                'j' => TryNumber(text, ref position, 3, out dayOfYear),
                'f' => TryFraction(text, ref position, 6, out fraction),
                'g' => TryFraction(text, ref position, 3, out fraction),
                'p' => TryMeridiem(text, ref position, out pm),
                'b' or 'h' => TryName(text, ref position, s_months, abbreviated: true, out month),
                'B' => TryName(text, ref position, s_months, abbreviated: false, out month),
                'a' => TryName(text, ref position, s_days, abbreviated: true, out _),
                'A' => TryName(text, ref position, s_days, abbreviated: false, out _),
                'z' => TryOffset(text, ref position, out offsetMinutes),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        if (SkipSpaces(text, position) != text.Length)
        {
            return false;
        }

        if (pm is { } afternoon)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (afternoon ? 12 : 0);
        }

        long days;
        if (dayOfYear > 0 && !monthOrDayRead)
        {
            if (dayOfYear > (CivilCalendar.IsLeapYear(year) ? 366 : 365))
            {
                return false;
            }

            days = CivilCalendar.DaysOf(year, 1, 1) + dayOfYear - 1;
        }
        else if (month is >= 1 and <= 12 && day >= 1 && day <= CivilCalendar.DaysInMonth(year, (int)month))
        {
            days = CivilCalendar.DaysOf(year, (int)month, (int)day);
        }
        else
        {
            return false;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        micros = (days * TimestampMicros.PerDay) + (hour * TimestampMicros.PerHour) + ((minute - offsetMinutes) * TimestampMicros.PerMinute)
            + (second * TimestampMicros.PerSecond) + fraction;
        return true;
    }

    private static bool SetCentury(ref long year)
    {
        year += year >= 69 ? 1900 : 2000;
        return true;
    }

    private static bool TryNumber(string text, ref int position, int maxDigits, out long value)
    {
        value = 0;
        var start = position;
        var end = start;
        while (end < text.Length && end - start < maxDigits && char.IsAsciiDigit(text[end]))
        {
            value = (value * 10) + (text[end] - '0');
            end++;
        }

        if (end == start)
        {
            return false;
        }

        position = end;
        return true;
    }

    private static bool TryFraction(string text, ref int position, int maxDigits, out long micros)
    {
        var start = position;
        if (!TryNumber(text, ref position, maxDigits, out var digits))
        {
            micros = 0;
            return false;
        }

        for (var scale = position - start; scale < 6; scale++)
        {
            digits *= 10;
        }

        micros = digits;
        return true;
    }

    private static bool TryMeridiem(string text, ref int position, out bool? pm)
    {
        pm = null;
        if (position + 2 > text.Length)
        {
            return false;
        }

        var word = text.AsSpan(position, 2);
        if (word.Equals("AM", StringComparison.OrdinalIgnoreCase) || word.Equals("PM", StringComparison.OrdinalIgnoreCase))
        {
            pm = char.ToUpperInvariant(word[0]) == 'P';
            position += 2;
            return true;
        }

        return false;
    }

    private static bool TryName(string text, ref int position, string[] names, bool abbreviated, out long number)
    {
        var rest = text.AsSpan(position);
        for (var i = 0; i < names.Length; i++)
        {
            var name = abbreviated ? names[i].AsSpan(0, 3) : names[i];
            if (rest.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                position += name.Length;
                number = i + 1;
                return true;
            }
        }

        number = 0;
        return false;
    }

    private static bool TryOffset(string text, ref int position, out long minutes)
    {
        minutes = 0;
        if (position >= text.Length || text[position] is not ('+' or '-'))
        {
            return false;
        }

        var sign = text[position] == '-' ? -1 : 1;
        var cursor = position + 1;
        if (!TryNumber(text, ref cursor, 2, out var hours) || cursor - position != 3)
        {
            return false;
        }

        long mins = 0;
        var afterHours = cursor;
        if (cursor < text.Length && text[cursor] == ':')
        {
            cursor++;
        }

        var before = cursor;
        if (TryNumber(text, ref cursor, 2, out var parsedMinutes) && cursor - before == 2)
        {
            mins = parsedMinutes;
        }
        else
        {
            cursor = afterHours;
        }

        minutes = sign * ((hours * 60) + mins);
        position = cursor;
        return true;
    }

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }
}
