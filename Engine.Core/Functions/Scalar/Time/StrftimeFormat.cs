using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// A strftime format string parsed once, at bind time, into literal text and DuckDB's specifiers:
/// <c>%a %A %w %u %d %-d %b %h %B %m %-m %y %-y %Y %G %H %-H %I %-I %p %M %-M %S %-S %g %f %n %z %Z %j %-j
/// %U %W %V %c %x %X %T %%</c> (English names; <c>%z</c> is <c>+00</c> and <c>%Z</c> empty, since a
/// TIMESTAMP is UTC without a zone). Immutable and thread-safe once parsed.
/// </summary>
internal sealed class StrftimeFormat
{
    private static readonly string[] s_dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] s_monthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private const string Specifiers = "aAwudbhBmyYGHIpMSgfnzZjUWVcxXT%";
    private const string Unpadded = "dmyHIMSj";

    private readonly (char Specifier, bool Unpadded, string? Literal)[] _segments;
    private readonly bool _needsIsoWeek;

    private StrftimeFormat((char Specifier, bool Unpadded, string? Literal)[] segments)
    {
        _segments = segments;
        _needsIsoWeek = segments.Any(s => s.Literal is null && s.Specifier is 'G' or 'V');
    }

    /// <summary>The parsed format in order: a specifier (with whether <c>%-</c> dropped its padding) or literal text.</summary>
    public IReadOnlyList<(char Specifier, bool Unpadded, string? Literal)> Segments => _segments;

    /// <summary>Parses <paramref name="format"/>; false with a message naming the problem (an unknown specifier, a trailing %, an empty format).</summary>
    public static bool TryParse(string format, [NotNullWhen(true)] out StrftimeFormat? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (format.Length == 0)
        {
            error = "the format is empty";
            return false;
        }

        var segments = new List<(char, bool, string?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                literal.Append(format[i]);
                continue;
            }

            if (++i >= format.Length)
            {
                error = $"'{format}' ends with a lone '%' (write %% for a percent sign)";
                return false;
            }

            var unpadded = format[i] == '-';
            if (unpadded && ++i >= format.Length)
            {
                error = $"'{format}' ends with '%-'";
                return false;
            }

            var specifier = format[i];
            if (!Specifiers.Contains(specifier, StringComparison.Ordinal) || (unpadded && !Unpadded.Contains(specifier, StringComparison.Ordinal)))
            {
                error = $"'%{(unpadded ? "-" : string.Empty)}{specifier}' in '{format}' is not a strftime specifier";
                return false;
            }

            if (specifier == '%')
            {
                literal.Append('%');
                continue;
            }

            if (literal.Length > 0)
            {
                segments.Add(('\0', false, literal.ToString()));
                literal.Clear();
            }

            segments.Add((specifier, unpadded, null));
        }

        if (literal.Length > 0)
        {
            segments.Add(('\0', false, literal.ToString()));
        }

        parsed = new StrftimeFormat([.. segments]);
        error = null;
        return true;
    }

    /// <summary>Appends <paramref name="micros"/> formatted to <paramref name="text"/>.</summary>
    public void Format(long micros, StringBuilder text)
    {
        var days = CivilCalendar.DayOf(micros);
        var timeOfDay = CivilCalendar.TimeOfDay(micros);
        var (year, month, day) = CivilCalendar.DateOf(days);
        var (isoYear, isoWeek) = _needsIsoWeek ? CivilCalendar.IsoWeekOf(days) : (0, 0);
        var hour = (int)(timeOfDay / TimestampMicros.PerHour);
        var fraction = timeOfDay % TimestampMicros.PerSecond;
        var dayOfWeek = CivilCalendar.DayOfWeek(days);
        var dayOfYear = (int)(days - CivilCalendar.DaysOf(year, 1, 1)) + 1;
        foreach (var (specifier, unpadded, literal) in _segments)
        {
            if (literal is not null)
            {
                text.Append(literal);
                continue;
            }

            switch (specifier)
            {
                case 'a': text.Append(s_dayNames[dayOfWeek], 0, 3); break;
                case 'A': text.Append(s_dayNames[dayOfWeek]); break;
                case 'w': Number(text, dayOfWeek, 1); break;
                case 'u': Number(text, dayOfWeek == 0 ? 7 : dayOfWeek, 1); break;
                case 'd': Number(text, day, unpadded ? 1 : 2); break;
                case 'b' or 'h': text.Append(s_monthNames[month - 1], 0, 3); break;
                case 'B': text.Append(s_monthNames[month - 1]); break;
                case 'm': Number(text, month, unpadded ? 1 : 2); break;
                case 'y': Number(text, TimestampMicros.FloorMod(year, 100), unpadded ? 1 : 2); break;
                case 'Y': Number(text, year, 4); break;
                case 'G': Number(text, isoYear, 4); break;
                case 'H': Number(text, hour, unpadded ? 1 : 2); break;
                case 'I': Number(text, hour % 12 == 0 ? 12 : hour % 12, unpadded ? 1 : 2); break;
                case 'p': text.Append(hour < 12 ? "AM" : "PM"); break;
                case 'M': Number(text, timeOfDay / TimestampMicros.PerMinute % 60, unpadded ? 1 : 2); break;
                case 'S': Number(text, timeOfDay / TimestampMicros.PerSecond % 60, unpadded ? 1 : 2); break;
                case 'g': Number(text, fraction / 1000, 3); break;
                case 'f': Number(text, fraction, 6); break;
                case 'n': Number(text, fraction * 1000, 9); break;
                case 'z': text.Append("+00"); break;
                case 'Z': break;
                case 'j': Number(text, dayOfYear, unpadded ? 1 : 3); break;
                case 'U': Number(text, (dayOfYear + 6 - dayOfWeek) / 7, 2); break;
                case 'W': Number(text, (dayOfYear + 6 - ((dayOfWeek + 6) % 7)) / 7, 2); break;
                case 'V': Number(text, isoWeek, 2); break;
                case 'x': Date(text, year, month, day); break;
                case 'c': Date(text, year, month, day); text.Append(' '); Clock(text, timeOfDay); break;
                default: Clock(text, timeOfDay); break;
            }
        }
    }

    private static void Date(StringBuilder text, long year, int month, int day)
    {
        Number(text, year, 4);
        text.Append('-');
        Number(text, month, 2);
        text.Append('-');
        Number(text, day, 2);
    }

    private static void Clock(StringBuilder text, long timeOfDay)
    {
        Number(text, timeOfDay / TimestampMicros.PerHour, 2);
        text.Append(':');
        Number(text, timeOfDay / TimestampMicros.PerMinute % 60, 2);
        text.Append(':');
        Number(text, timeOfDay / TimestampMicros.PerSecond % 60, 2);
    }

    private static void Number(StringBuilder text, long value, int digits)
    {
        if (value < 0)
        {
            text.Append('-');
            value = -value;
        }

        Span<char> buffer = stackalloc char[20];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        for (var pad = written; pad < digits; pad++)
        {
            text.Append('0');
        }

        text.Append(buffer[..written]);
    }
}
