using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Tests.Functions.Time;

/// <summary>date_part, extract and the one-part functions: DuckDB's fields and result types, floored before 1970.</summary>
public sealed class DatePartFunctionTests
{
    private const string Sample = "TIMESTAMP '2021-01-03 04:05:06.789012'";

    [TestCase("year", 2021)]
    [TestCase("quarter", 1)]
    [TestCase("month", 1)]
    [TestCase("day", 3)]
    [TestCase("hour", 4)]
    [TestCase("minute", 5)]
    [TestCase("second", 6)]
    [TestCase("millisecond", 6_789)]
    [TestCase("microsecond", 6_789_012)]
    [TestCase("dow", 0)]
    [TestCase("isodow", 7)]
    [TestCase("doy", 3)]
    [TestCase("week", 53)]
    [TestCase("isoyear", 2020)]
    [TestCase("yearweek", 202053)]
    [TestCase("decade", 202)]
    [TestCase("century", 21)]
    [TestCase("millennium", 3)]
    [TestCase("era", 1)]
    public async Task EachPart_IsABigint(string part, long expected) =>
        Assert.That(await TimeSql.EvaluateAsync($"date_part('{part}', {Sample})"), Is.EqualTo((DataType.Int64, ScalarValue.FromInt64(expected))));

    [Test]
    public async Task Epoch_IsADoubleOfSecondsWithTheFraction() =>
        Assert.That(await TimeSql.EvaluateAsync("date_part('epoch', TIMESTAMP '2024-01-01 00:00:07.25')"), Is.EqualTo((DataType.Double, ScalarValue.FromDouble(1_704_067_207.25))));

    [Test]
    public async Task Julian_IsADoubleWithTheTimeOfDayAsFraction() =>
        Assert.That((await TimeSql.EvaluateAsync("date_part('julian', TIMESTAMP '2021-01-03 12:00')")).Value.DoubleValue, Is.EqualTo(2_459_218.5));

    [Test]
    public async Task Extract_IsDatePart() =>
        Assert.That(await TimeSql.Int64Async($"extract(isoyear FROM {Sample})"), Is.EqualTo(2020));

    [Test]
    public async Task ExtractEpoch_IsADouble() =>
        Assert.That((await TimeSql.EvaluateAsync("extract(epoch FROM TIMESTAMP '1970-01-01 00:00:01.5')")).Value, Is.EqualTo(ScalarValue.FromDouble(1.5)));

    [TestCase("year", 1969)]
    [TestCase("month", 12)]
    [TestCase("day", 31)]
    [TestCase("hour", 23)]
    [TestCase("minute", 59)]
    [TestCase("second", 59)]
    [TestCase("millisecond", 59_500)]
    [TestCase("microsecond", 59_500_000)]
    [TestCase("dow", 3)]
    [TestCase("doy", 365)]
    public async Task Before1970_TheFieldsOfTheFlooredTime(string part, long expected) =>
        Assert.That(await TimeSql.Int64Async($"date_part('{part}', TIMESTAMP '1969-12-31 23:59:59.5')"), Is.EqualTo(expected));

    [Test]
    public async Task EpochBefore1970_IsNegative() =>
        Assert.That((await TimeSql.EvaluateAsync("epoch(TIMESTAMP '1969-12-31 23:59:59.5')")).Value.DoubleValue, Is.EqualTo(-0.5));

    [TestCase("2024-12-31", 366)]
    [TestCase("2023-12-31", 365)]
    [TestCase("2000-12-31", 366)]
    [TestCase("1900-12-31", 365)]
    public async Task DayOfYear_CountsLeapDaysOfLeapYearsOnly(string date, long expected) =>
        Assert.That(await TimeSql.Int64Async($"dayofyear(TIMESTAMP '{date}')"), Is.EqualTo(expected));

    [TestCase("2021-01-03", 53, 2020)]
    [TestCase("2021-01-04", 1, 2021)]
    [TestCase("2024-12-30", 1, 2025)]
    [TestCase("2027-01-01", 53, 2026)]
    [TestCase("2020-12-31", 53, 2020)]
    [TestCase("2016-01-01", 53, 2015)]
    [TestCase("1969-12-29", 1, 1970)]
    public async Task IsoWeekAroundJanuaryFirst_BelongsToTheYearOfItsThursday(string date, long week, long isoYear) =>
        Assert.That((await TimeSql.Int64Async($"week(TIMESTAMP '{date}')"), await TimeSql.Int64Async($"isoyear(TIMESTAMP '{date}')")), Is.EqualTo((week, isoYear)));

    [Test]
    public async Task DayOfWeek_CountsFromSundayAndIsodowFromMonday() =>
        Assert.That(
            (await TimeSql.Int64Async("dayofweek(TIMESTAMP '2024-01-07')"), await TimeSql.Int64Async("isodow(TIMESTAMP '2024-01-07')"),
                await TimeSql.Int64Async("weekday(TIMESTAMP '2024-01-08')")),
            Is.EqualTo((0L, 7L, 1L)));

    [TestCase("year(TIMESTAMP '2024-05-06')", 2024)]
    [TestCase("month(TIMESTAMP '2024-05-06')", 5)]
    [TestCase("day(TIMESTAMP '2024-05-06')", 6)]
    [TestCase("dayofmonth(TIMESTAMP '2024-05-06')", 6)]
    [TestCase("hour(TIMESTAMP '2024-05-06 07:08:09')", 7)]
    [TestCase("minute(TIMESTAMP '2024-05-06 07:08:09')", 8)]
    [TestCase("second(TIMESTAMP '2024-05-06 07:08:09.9')", 9)]
    [TestCase("millisecond(TIMESTAMP '2024-05-06 07:08:09.9')", 9_900)]
    [TestCase("microsecond(TIMESTAMP '2024-05-06 07:08:09.9')", 9_900_000)]
    [TestCase("quarter(TIMESTAMP '2024-05-06')", 2)]
    [TestCase("weekofyear(TIMESTAMP '2024-05-06')", 19)]
    [TestCase("yearweek(TIMESTAMP '2024-05-06')", 202419)]
    [TestCase("decade(TIMESTAMP '2024-05-06')", 202)]
    [TestCase("century(TIMESTAMP '2000-12-31')", 20)]
    [TestCase("millennium(TIMESTAMP '2001-01-01')", 3)]
    [TestCase("era(TIMESTAMP '2001-01-01')", 1)]
    public async Task OnePartFunction_IsDatePartOfThatPart(string call, long expected) =>
        Assert.That(await TimeSql.EvaluateAsync(call), Is.EqualTo((DataType.Int64, ScalarValue.FromInt64(expected))));

    [Test]
    public async Task NullTimestamp_IsANullOfThePartsType() =>
        Assert.That(
            ((await TimeSql.EvaluateAsync("year(NULL)")).Value, (await TimeSql.EvaluateAsync("date_part('epoch', NULL)")).Value),
            Is.EqualTo((ScalarValue.Null(DataType.Int64), ScalarValue.Null(DataType.Double))));

    [Test]
    public async Task NullPart_IsABigintNull() =>
        Assert.That((await TimeSql.EvaluateAsync("date_part(NULL, TIMESTAMP '2021-01-01')")).Value, Is.EqualTo(ScalarValue.Null(DataType.Int64)));

    [Test]
    public async Task EpochOfAnInterval_IsItsLengthInSeconds() =>
        Assert.That((await TimeSql.EvaluateAsync("date_part('epoch', INTERVAL '90 minutes')")).Value, Is.EqualTo(ScalarValue.FromDouble(5_400)));

    [Test]
    public void OtherPartsOfAnInterval_AreABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("date_part('hour', INTERVAL '90 minutes')"));
        Assert.That(error!.Message, Does.Contain("date_part on an INTERVAL supports only 'epoch'"));
    }

    [Test]
    public void UnknownPart_IsABindErrorAtThePart()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("date_part('yyyy', TIMESTAMP '2021-01-01')"));
        Assert.That(error!.Message, Does.Contain("'yyyy' is not a date part; date_part knows year, quarter, month"));
        Assert.That(error.Column, Is.EqualTo(18));
    }

    [Test]
    public void NumberArgument_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("year(2021)"));
        Assert.That(error!.Message, Does.Contain("year(ts) needs a TIMESTAMP as argument 1, got BIGINT"));
    }

    [Test]
    public void WrongArgumentCount_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("date_part('year')"));
        Assert.That(error!.Message, Does.Contain("date_part(part, ts) takes 2 argument(s), got 1"));
    }
}
