using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Tests.Functions.Time;

/// <summary>strptime and try_strptime: text read back with strftime specifiers into a TIMESTAMP.</summary>
public sealed class StrptimeFunctionTests
{
    [TestCase("'2021-01-03 04:05:06', '%Y-%m-%d %H:%M:%S'", "2021-01-03T04:05:06Z")]
    [TestCase("'3/1/2021', '%d/%m/%Y'", "2021-01-03T00:00:00Z")]
    [TestCase("'20210103', '%Y%m%d'", "2021-01-03T00:00:00Z")]
    [TestCase("'2021-01-03 04:05:06.5', '%Y-%m-%d %H:%M:%S.%f'", "2021-01-03T04:05:06.5Z")]
    [TestCase("'1969-12-31 23:59:59.999', '%Y-%m-%d %H:%M:%S.%g'", "1969-12-31T23:59:59.999Z")]
    [TestCase("'Sun Jan 3 2021 4 PM', '%a %b %-d %Y %-I %p'", "2021-01-03T16:00:00Z")]
    [TestCase("'69-1-3', '%y-%m-%d'", "1969-01-03T00:00:00Z")]
    [TestCase("'68-1-3', '%y-%m-%d'", "2068-01-03T00:00:00Z")]
    [TestCase("'2024 366', '%Y %j'", "2024-12-31T00:00:00Z")]
    [TestCase("'2021-01-03 04:05:06 +0200', '%Y-%m-%d %H:%M:%S %z'", "2021-01-03T02:05:06Z")]
    [TestCase("'2021-01-03 04:05:06-01:30', '%Y-%m-%d %H:%M:%S%z'", "2021-01-03T05:35:06Z")]
    [TestCase("'  2021-01-03 ', '%Y-%m-%d'", "2021-01-03T00:00:00Z")]
    [TestCase("'04:05:06', '%X'", "1900-01-01T04:05:06Z")]
    [TestCase("'2024-02-29', '%Y-%m-%d'", "2024-02-29T00:00:00Z")]
    public async Task Text_IsReadIntoATimestamp(string arguments, string expected) =>
        Assert.That(await TimeSql.EvaluateAsync($"strptime({arguments})"), Is.EqualTo((DataType.Timestamp, ScalarValue.FromTimestamp(TimestampMicros.Parse(expected)))));

    [TestCase("'2021-02-29', '%Y-%m-%d'")]
    [TestCase("'2021-01-03 xx', '%Y-%m-%d'")]
    [TestCase("'2021-01-03 24:00:00', '%Y-%m-%d %H:%M:%S'")]
    [TestCase("'13 PM', '%I %p'")]
    [TestCase("'January 3 2021', '%b %d %Y'")]
    [TestCase("'2021-01-0304:05', '%Y-%m-%d %H:%M'")]
    [TestCase("'2021-01-03 04:05:06.1234567', '%Y-%m-%d %H:%M:%S.%f'")]
    public void TextThatDoesNotMatch_IsAnErrorQuotingTextAndFormat(string arguments)
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => TimeSql.RunAsync($"strptime({arguments})"));
        Assert.That(error!.Message, Does.Contain("Could not parse string \"").And.Contain("according to format specifier"));
    }

    [Test]
    public async Task TryStrptime_GivesNullForTextThatDoesNotMatch() =>
        Assert.That((await TimeSql.EvaluateAsync("try_strptime('2021-02-30', '%Y-%m-%d')")).Value, Is.EqualTo(ScalarValue.Null(DataType.Timestamp)));

    [Test]
    public async Task NullTextOrFormat_IsNull() =>
        Assert.That(
            ((await TimeSql.EvaluateAsync("strptime(NULL, '%Y')")).Value, (await TimeSql.EvaluateAsync("strptime('2021', NULL)")).Value),
            Is.EqualTo((ScalarValue.Null(DataType.Timestamp), ScalarValue.Null(DataType.Timestamp))));

    [TestCase("%V", "strptime does not read '%V' yet")]
    [TestCase("%Q", "is not a strftime specifier")]
    public void FormatStrptimeCannotRead_IsABindError(string format, string problem)
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync($"strptime('x', '{format}')"));
        Assert.That(error!.Message, Does.Contain(problem));
    }

    [Test]
    public void TimestampInsteadOfText_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("strptime(TIMESTAMP '2021-01-01', '%Y')"));
        Assert.That(error!.Message, Does.Contain("strptime(text, format) needs a VARCHAR as argument 1, got TIMESTAMP"));
    }
}
