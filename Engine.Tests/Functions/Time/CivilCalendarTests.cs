using System.Globalization;
using Engine.Core.Columns;
using Engine.Core.Functions.Scalar.Time;

namespace Engine.Tests.Functions.Time;

/// <summary>The calendar under the time functions agrees with .NET's Gregorian calendar and ISOWeek on every day of years 1 to 9999.</summary>
public sealed class CivilCalendarTests
{
    private static readonly long s_firstDay = CivilCalendar.DayOf(TimestampMicros.FromDateTime(DateTime.MinValue));
    private static readonly long s_lastDay = CivilCalendar.DayOf(TimestampMicros.FromDateTime(DateTime.MaxValue));

    [Test]
    public void DateOf_MatchesDateTimeOnEveryDay()
    {
        var mismatches = 0;
        for (var day = s_firstDay; day <= s_lastDay; day++)
        {
            var expected = DateTime.UnixEpoch.AddDays(day);
            var (year, month, dayOfMonth) = CivilCalendar.DateOf(day);
            if (year != expected.Year || month != expected.Month || dayOfMonth != expected.Day || CivilCalendar.DaysOf(year, month, dayOfMonth) != day)
            {
                mismatches++;
            }
        }

        Assert.That(mismatches, Is.Zero);
    }

    [Test]
    public void WeekdaysAndIsoWeeks_MatchDotNetOnEveryDay()
    {
        var mismatches = 0;
        for (var day = s_firstDay + 7; day <= s_lastDay - 7; day++)
        {
            var expected = DateTime.UnixEpoch.AddDays(day);
            var (isoYear, isoWeek) = CivilCalendar.IsoWeekOf(day);
            if (CivilCalendar.DayOfWeek(day) != (int)expected.DayOfWeek || CivilCalendar.DayOfYear(day) != expected.DayOfYear
                || isoYear != ISOWeek.GetYear(expected) || isoWeek != ISOWeek.GetWeekOfYear(expected)
                || (isoWeek == 1 && CivilCalendar.IsoYearStart(isoYear) != CivilCalendar.DayOf(TimestampMicros.FromDateTime(ISOWeek.GetYearStart((int)isoYear)))))
            {
                mismatches++;
            }
        }

        Assert.That(mismatches, Is.Zero);
    }

    [TestCase(-1L, 1969, 12, 31)]
    [TestCase(0L, 1970, 1, 1)]
    [TestCase(-719_528L, 0, 1, 1)]
    [TestCase(-719_529L, -1, 12, 31)]
    public void DateOf_BeforeYearOne_CountsYearZero(long day, long year, int month, int dayOfMonth) =>
        Assert.That(CivilCalendar.DateOf(day), Is.EqualTo((year, month, dayOfMonth)));

    [Test]
    public void DayOf_FloorsTimesBeforeMidnight() =>
        Assert.That((CivilCalendar.DayOf(-1), CivilCalendar.TimeOfDay(-1)), Is.EqualTo((-1L, TimestampMicros.PerDay - 1)));
}
