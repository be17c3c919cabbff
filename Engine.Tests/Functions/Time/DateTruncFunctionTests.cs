using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;
using Engine.Core.Functions;
using Engine.Core.Functions.Scalar.Time;

namespace Engine.Tests.Functions.Time;

/// <summary>date_trunc: the start of the unit holding a timestamp, floored before 1970, as a TIMESTAMP.</summary>
public sealed class DateTruncFunctionTests
{
    [TestCase("microsecond", "2021-01-03T04:05:06.789012Z")]
    [TestCase("millisecond", "2021-01-03T04:05:06.789Z")]
    [TestCase("second", "2021-01-03T04:05:06Z")]
    [TestCase("minute", "2021-01-03T04:05:00Z")]
    [TestCase("hour", "2021-01-03T04:00:00Z")]
    [TestCase("day", "2021-01-03T00:00:00Z")]
    [TestCase("week", "2020-12-28T00:00:00Z")]
    [TestCase("month", "2021-01-01T00:00:00Z")]
    [TestCase("quarter", "2021-01-01T00:00:00Z")]
    [TestCase("year", "2021-01-01T00:00:00Z")]
    [TestCase("decade", "2020-01-01T00:00:00Z")]
    [TestCase("century", "2000-01-01T00:00:00Z")]
    [TestCase("millennium", "2000-01-01T00:00:00Z")]
    [TestCase("isoyear", "2019-12-30T00:00:00Z")]
    public async Task EachPart_TruncatesToItsStart(string part, string expected) =>
        Assert.That(await TimeSql.TextAsync($"date_trunc('{part}', TIMESTAMP '2021-01-03 04:05:06.789012')"), Is.EqualTo(expected));

    [Test]
    public async Task Result_IsATimestamp() =>
        Assert.That((await TimeSql.EvaluateAsync("date_trunc('day', TIMESTAMP '2021-01-03 04:05')")).Type, Is.EqualTo(DataType.Timestamp));

    [TestCase("second", "1969-12-31T23:59:59Z")]
    [TestCase("minute", "1969-12-31T23:59:00Z")]
    [TestCase("day", "1969-12-31T00:00:00Z")]
    [TestCase("week", "1969-12-29T00:00:00Z")]
    [TestCase("month", "1969-12-01T00:00:00Z")]
    [TestCase("decade", "1960-01-01T00:00:00Z")]
    public async Task Before1970_FloorsToTheEarlierUnit(string part, string expected) =>
        Assert.That(await TimeSql.TextAsync($"date_trunc('{part}', TIMESTAMP '1969-12-31 23:59:59.5')"), Is.EqualTo(expected));

    [Test]
    public async Task Week_OfASunday_IsThePrecedingMonday() =>
        Assert.That(await TimeSql.TextAsync("date_trunc('week', TIMESTAMP '2024-03-03 12:00')"), Is.EqualTo("2024-02-26T00:00:00Z"));

    [Test]
    public async Task Quarter_OfAugust_IsJuly() =>
        Assert.That(await TimeSql.TextAsync("date_trunc('quarter', TIMESTAMP '2024-08-15')"), Is.EqualTo("2024-07-01T00:00:00Z"));

    [Test]
    public async Task Century_Of2000_Is2000AndOf2001Too() =>
        Assert.That(
            (await TimeSql.TextAsync("date_trunc('century', TIMESTAMP '2000-12-31')"), await TimeSql.TextAsync("date_trunc('century', TIMESTAMP '2001-01-01')")),
            Is.EqualTo(("2000-01-01T00:00:00Z", "2000-01-01T00:00:00Z")));

    [Test]
    public async Task LeapDay_TruncatesToFebruary() =>
        Assert.That(await TimeSql.TextAsync("date_trunc('month', TIMESTAMP '2024-02-29 23:59:59.999999')"), Is.EqualTo("2024-02-01T00:00:00Z"));

    [Test]
    public async Task PartText_IsCaseInsensitiveAndTakesAbbreviations() =>
        Assert.That(await TimeSql.TextAsync("date_trunc('HR', TIMESTAMP '2021-01-03 04:05:06')"), Is.EqualTo("2021-01-03T04:00:00Z"));

    [Test]
    public async Task NullTimestamp_IsNull() =>
        Assert.That((await TimeSql.EvaluateAsync("date_trunc('day', NULL)")).Value, Is.EqualTo(ScalarValue.Null(DataType.Timestamp)));

    [Test]
    public async Task NullPart_IsNull() =>
        Assert.That((await TimeSql.EvaluateAsync("date_trunc(NULL, TIMESTAMP '2021-01-01')")).Value, Is.EqualTo(ScalarValue.Null(DataType.Timestamp)));

    [Test]
    public void UnknownPart_IsABindErrorListingTheParts()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("date_trunc('fortnight', TIMESTAMP '2021-01-01')"));
        Assert.That(error!.Message, Does.Contain("'fortnight' is not a date part").And.Contain("year, quarter, month"));
    }

    [Test]
    public void PartFromAColumn_IsABindErrorAskingForAConstant()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("date_trunc(CAST(1 AS VARCHAR), TIMESTAMP '2021-01-01')"));
        Assert.That(error!.Message, Does.Contain("date_trunc needs a constant part"));
    }

    [Test]
    public void Era_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("date_trunc('era', TIMESTAMP '2021-01-01')"));
        Assert.That(error!.Message, Does.Contain("date_trunc cannot truncate to 'era'"));
    }

    [Test]
    public void TextInsteadOfATimestamp_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("date_trunc('day', 42)"));
        Assert.That(error!.Message, Does.Contain("date_trunc(part, ts) needs a TIMESTAMP as argument 2, got BIGINT"));
    }

    [Test]
    public void TheFirstTimestamp_CannotBeTruncatedFurtherBack()
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => TimeSql.RunAsync("date_trunc('year', make_timestamp(-9223372036854775807))"));
        Assert.That(error!.Message, Does.Contain("is before the first TIMESTAMP"));
    }

    [TestCase("second", 1_000_000L)]
    [TestCase("minute", 60_000_000L)]
    [TestCase("day", 86_400_000_000L)]
    [TestCase("week", 604_800_000_000L)]
    public void FixedLengthUnit_BindsAsTheEqualTimeBucket(string part, long width)
    {
        var expanded = Expand(part);
        Assert.That(TimeBucketFunction.TryMatch(expanded!, out var bucketWidth, out var origin, out _), Is.True);
        Assert.That((bucketWidth, origin), Is.EqualTo((width, TimeBucketFunction.DefaultOriginMicros)));
    }

    [Test]
    public void Month_IsNoTimeBucket() => Assert.That(Expand("month"), Is.Null);

    private static BoundExpression? Expand(string part)
    {
        FunctionRegistry.BuiltIn.TryGetScalar("date_trunc", out var function);
        var ts = new ColumnReference(0, "ts", DataType.Timestamp);
        return function!.Expand(new ScalarBindContext("date_trunc", [new Literal(ScalarValue.FromString(part)), ts]));
    }
}
