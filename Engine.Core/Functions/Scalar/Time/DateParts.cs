using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// DuckDB's date part specifiers (<c>'year'</c>, <c>'yr'</c>, <c>'dow'</c>, …, any case) and what each
/// extracts from or truncates a timestamp to. Stateless and thread-safe; <see cref="Extract"/> and
/// <see cref="Truncate"/> run per row in the kernels.
/// </summary>
internal static class DateParts
{
    private static readonly (DatePart Part, string[] Names)[] s_names =
    [
        (DatePart.Year, ["year", "years", "y", "yr", "yrs"]),
        (DatePart.Month, ["month", "months", "mon", "mons"]),
        (DatePart.Day, ["day", "days", "d", "dayofmonth"]),
        (DatePart.Decade, ["decade", "decades", "dec", "decs"]),
        (DatePart.Century, ["century", "centuries", "c", "cent"]),
        (DatePart.Millennium, ["millennium", "millennia", "millenium", "mil", "mils"]),
        (DatePart.Microseconds, ["microsecond", "microseconds", "us", "usec", "usecs", "usecond", "useconds"]),
        (DatePart.Milliseconds, ["millisecond", "milliseconds", "ms", "msec", "msecs", "msecond", "mseconds"]),
        (DatePart.Second, ["second", "seconds", "s", "sec", "secs"]),
        (DatePart.Minute, ["minute", "minutes", "m", "min", "mins"]),
        (DatePart.Hour, ["hour", "hours", "h", "hr", "hrs"]),
        (DatePart.Epoch, ["epoch"]),
        (DatePart.DayOfWeek, ["dow", "dayofweek", "weekday"]),
        (DatePart.IsoDayOfWeek, ["isodow"]),
        (DatePart.Week, ["week", "weeks", "w", "weekofyear"]),
        (DatePart.IsoYear, ["isoyear"]),
        (DatePart.Quarter, ["quarter", "quarters"]),
        (DatePart.DayOfYear, ["doy", "dayofyear"]),
        (DatePart.YearWeek, ["yearweek"]),
        (DatePart.Era, ["era"]),
        (DatePart.Julian, ["julian"]),
    ];

    private static readonly Dictionary<string, DatePart> s_specifiers =
        s_names.SelectMany(p => p.Names, (p, name) => (name, p.Part)).ToDictionary(e => e.name, e => e.Part, StringComparer.OrdinalIgnoreCase);

    /// <summary>The specifiers, for error messages.</summary>
    public const string Known =
        "year, quarter, month, week, isoyear, yearweek, day, dayofyear (doy), dayofweek (dow), isodow, hour, minute, second, millisecond, microsecond, " +
        "epoch, julian, decade, century, millennium, era";

    /// <summary>The part <paramref name="specifier"/> names, if any.</summary>
    public static bool TryParse(string specifier, out DatePart part) => s_specifiers.TryGetValue(specifier.Trim(), out part);

    /// <summary>True when date_part gives a DOUBLE for <paramref name="part"/> (epoch, julian) rather than a BIGINT.</summary>
    public static bool IsDouble(DatePart part) => part is DatePart.Epoch or DatePart.Julian;

    /// <summary>The BIGINT value of <paramref name="part"/> of <paramref name="micros"/> (not for the DOUBLE parts).</summary>
    public static long Extract(DatePart part, long micros)
    {
        switch (part)
        {
            case DatePart.Microseconds:
                return TimestampMicros.FloorMod(micros, TimestampMicros.PerMinute);
            case DatePart.Milliseconds:
                return TimestampMicros.FloorMod(micros, TimestampMicros.PerMinute) / 1000;
            case DatePart.Second:
                return TimestampMicros.FloorMod(micros, TimestampMicros.PerMinute) / TimestampMicros.PerSecond;
            case DatePart.Minute:
                return TimestampMicros.FloorMod(micros, TimestampMicros.PerHour) / TimestampMicros.PerMinute;
            case DatePart.Hour:
                return CivilCalendar.TimeOfDay(micros) / TimestampMicros.PerHour;
            case DatePart.DayOfWeek:
                return CivilCalendar.DayOfWeek(CivilCalendar.DayOf(micros));
            case DatePart.IsoDayOfWeek:
                return CivilCalendar.IsoDayOfWeek(CivilCalendar.DayOf(micros));
            case DatePart.DayOfYear:
                return CivilCalendar.DayOfYear(CivilCalendar.DayOf(micros));
            case DatePart.Week:
                return CivilCalendar.IsoWeekOf(CivilCalendar.DayOf(micros)).Week;
            case DatePart.IsoYear:
                return CivilCalendar.IsoWeekOf(CivilCalendar.DayOf(micros)).Year;
            case DatePart.YearWeek:
            {
                var (isoYear, week) = CivilCalendar.IsoWeekOf(CivilCalendar.DayOf(micros));
                return (isoYear * 100) + (isoYear > 0 ? week : -week);
            }

            default:
            {
                var (year, month, day) = CivilCalendar.DateOf(CivilCalendar.DayOf(micros));
                return part switch
                {
                    DatePart.Year => year,
                    DatePart.Month => month,
                    DatePart.Day => day,
                    DatePart.Quarter => ((month - 1) / 3) + 1,
                    DatePart.Decade => year / 10,
                    DatePart.Century => year > 0 ? ((year - 1) / 100) + 1 : (year / 100) - 1,
                    DatePart.Millennium => year > 0 ? ((year - 1) / 1000) + 1 : (year / 1000) - 1,
                    DatePart.Era => year > 0 ? 1 : 0,
                    _ => throw new InvalidOperationException($"date part {part} is not a BIGINT"),
                };
            }
        }
    }

    /// <summary>The DOUBLE value of <paramref name="part"/> (epoch or julian) of <paramref name="micros"/>.</summary>
    public static double ExtractDouble(DatePart part, long micros) => part == DatePart.Epoch
        ? micros / (double)TimestampMicros.PerSecond
        : CivilCalendar.DayOf(micros) + 2_440_588 + (CivilCalendar.TimeOfDay(micros) / (double)TimestampMicros.PerDay);

    /// <summary>True when date_trunc can truncate to <paramref name="part"/> (every part but era).</summary>
    public static bool CanTruncate(DatePart part) => part != DatePart.Era;

    /// <summary>The start of the <paramref name="part"/> that holds <paramref name="micros"/>; <see cref="OverflowException"/> when it is before the first timestamp.</summary>
    public static long Truncate(DatePart part, long micros)
    {
        switch (part)
        {
            case DatePart.Microseconds:
                return micros;
            case DatePart.Milliseconds:
                return checked(micros - TimestampMicros.FloorMod(micros, 1000));
            case DatePart.Second:
            case DatePart.Epoch:
                return checked(micros - TimestampMicros.FloorMod(micros, TimestampMicros.PerSecond));
            case DatePart.Minute:
                return checked(micros - TimestampMicros.FloorMod(micros, TimestampMicros.PerMinute));
            case DatePart.Hour:
                return checked(micros - TimestampMicros.FloorMod(micros, TimestampMicros.PerHour));
            case DatePart.Day:
            case DatePart.DayOfWeek:
            case DatePart.IsoDayOfWeek:
            case DatePart.DayOfYear:
            case DatePart.Julian:
                return checked(micros - CivilCalendar.TimeOfDay(micros));
            case DatePart.Week:
            case DatePart.YearWeek:
            {
                var day = CivilCalendar.DayOf(micros);
                return checked((day - CivilCalendar.IsoDayOfWeek(day) + 1) * TimestampMicros.PerDay);
            }

            case DatePart.IsoYear:
                return checked(CivilCalendar.IsoYearStart(CivilCalendar.IsoWeekOf(CivilCalendar.DayOf(micros)).Year) * TimestampMicros.PerDay);
            default:
            {
                var (year, month, _) = CivilCalendar.DateOf(CivilCalendar.DayOf(micros));
                var (startYear, startMonth) = part switch
                {
                    DatePart.Month => (year, month),
                    DatePart.Quarter => (year, (((month - 1) / 3) * 3) + 1),
                    DatePart.Year => (year, 1),
                    DatePart.Decade => (year / 10 * 10, 1),
                    DatePart.Century => (year / 100 * 100, 1),
                    DatePart.Millennium => (year / 1000 * 1000, 1),
                    _ => throw new InvalidOperationException($"date_trunc cannot truncate to {part}"),
                };
                return checked(CivilCalendar.DaysOf(startYear, startMonth, 1) * TimestampMicros.PerDay);
            }
        }
    }
}
