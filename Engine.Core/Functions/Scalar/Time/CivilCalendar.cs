using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// The proleptic Gregorian calendar over Engine timestamps (microseconds since 1970-01-01 UTC), in exact
/// integer arithmetic for every int64 value: days are floored, so times before 1970 fall on the right day,
/// and years are astronomical (year 0 is 1 BC), as DuckDB numbers them. Stateless and thread-safe; the
/// time kernels call it per row.
/// </summary>
internal static class CivilCalendar
{
    /// <summary>Days from 0000-03-01 to 1970-01-01.</summary>
    private const long EpochShift = 719_468;

    /// <summary>Days in a 400-year cycle.</summary>
    private const long DaysPer400Years = 146_097;

    /// <summary>The day (days since 1970-01-01, floored) that holds <paramref name="micros"/>.</summary>
    public static long DayOf(long micros) => TimestampMicros.FloorDiv(micros, TimestampMicros.PerDay);

    /// <summary>Microseconds since midnight of the day that holds <paramref name="micros"/>: in [0, 86 400 000 000).</summary>
    public static long TimeOfDay(long micros) => TimestampMicros.FloorMod(micros, TimestampMicros.PerDay);

    /// <summary>The date of day <paramref name="days"/> since 1970-01-01.</summary>
    public static (long Year, int Month, int Day) DateOf(long days)
    {
        var shifted = days + EpochShift;
        var era = TimestampMicros.FloorDiv(shifted, DaysPer400Years);
        var dayOfEra = shifted - (era * DaysPer400Years);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var monthIndex = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * monthIndex) + 2) / 5) + 1);
        var month = (int)(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        var year = yearOfEra + (era * 400) + (month <= 2 ? 1 : 0);
        return (year, month, day);
    }

    /// <summary>Days since 1970-01-01 of a valid date (month 1 to 12, day within the month).</summary>
    public static long DaysOf(long year, int month, int day)
    {
        var y = month <= 2 ? year - 1 : year;
        var era = TimestampMicros.FloorDiv(y, 400);
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * DaysPer400Years) + dayOfEra - EpochShift;
    }

    /// <summary>True when <paramref name="year"/> has a 29 February.</summary>
    public static bool IsLeapYear(long year) => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    /// <summary>The number of days in <paramref name="month"/> of <paramref name="year"/>.</summary>
    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>The day of the week of day <paramref name="days"/>: Sunday = 0 … Saturday = 6 (1970-01-01 was a Thursday).</summary>
    public static int DayOfWeek(long days) => (int)TimestampMicros.FloorMod(days + 4, 7);

    /// <summary>The ISO day of the week: Monday = 1 … Sunday = 7.</summary>
    public static int IsoDayOfWeek(long days) => (int)TimestampMicros.FloorMod(days + 3, 7) + 1;

    /// <summary>The day of the year, 1 to 366.</summary>
    public static int DayOfYear(long days)
    {
        var (year, _, _) = DateOf(days);
        return (int)(days - DaysOf(year, 1, 1)) + 1;
    }

    /// <summary>The ISO-8601 year and week (1 to 53) of day <paramref name="days"/>: weeks start on Monday and week 1 holds the year's first Thursday.</summary>
    public static (long Year, int Week) IsoWeekOf(long days)
    {
        var thursday = days - IsoDayOfWeek(days) + 4;
        var (year, _, _) = DateOf(thursday);
        var week = (int)((thursday - DaysOf(year, 1, 1)) / 7) + 1;
        return (year, week);
    }

    /// <summary>The Monday that starts ISO week 1 of ISO year <paramref name="isoYear"/>.</summary>
    public static long IsoYearStart(long isoYear)
    {
        var january4 = DaysOf(isoYear, 1, 4);
        return january4 - IsoDayOfWeek(january4) + 1;
    }
}
