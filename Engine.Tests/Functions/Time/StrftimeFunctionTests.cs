using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Tests.Functions.Time;

/// <summary>strftime: DuckDB's format specifiers over UTC timestamps, with a constant format.</summary>
public sealed class StrftimeFunctionTests
{
    private const string Sample = "TIMESTAMP '2021-01-03 04:05:06.789012'";

    [TestCase("%a", "Sun")]
    [TestCase("%A", "Sunday")]
    [TestCase("%w", "0")]
    [TestCase("%u", "7")]
    [TestCase("%d", "03")]
    [TestCase("%-d", "3")]
    [TestCase("%b", "Jan")]
    [TestCase("%h", "Jan")]
    [TestCase("%B", "January")]
    [TestCase("%m", "01")]
    [TestCase("%-m", "1")]
    [TestCase("%y", "21")]
    [TestCase("%Y", "2021")]
    [TestCase("%G", "2020")]
    [TestCase("%H", "04")]
    [TestCase("%-H", "4")]
    [TestCase("%I", "04")]
    [TestCase("%p", "AM")]
    [TestCase("%M", "05")]
    [TestCase("%S", "06")]
    [TestCase("%g", "789")]
    [TestCase("%f", "789012")]
    [TestCase("%n", "789012000")]
    [TestCase("%z", "+00")]
    [TestCase("%Z", "")]
    [TestCase("%j", "003")]
    [TestCase("%-j", "3")]
    [TestCase("%U", "01")]
    [TestCase("%W", "00")]
    [TestCase("%V", "53")]
    [TestCase("%c", "2021-01-03 04:05:06")]
    [TestCase("%x", "2021-01-03")]
    [TestCase("%X", "04:05:06")]
    [TestCase("%T", "04:05:06")]
    [TestCase("100%%", "100%")]
    public async Task Specifier_FormatsItsField(string format, string expected) =>
        Assert.That(await TimeSql.EvaluateAsync($"strftime({Sample}, '{format}')"), Is.EqualTo((DataType.String, ScalarValue.FromString(expected))));

    [Test]
    public async Task TwelveHourClock_ShowsMidnightAndNoonAsTwelve() =>
        Assert.That(
            (await TimeSql.TextAsync("strftime(TIMESTAMP '2021-01-03 00:05', '%I %p')"), await TimeSql.TextAsync("strftime(TIMESTAMP '2021-01-03 12:05', '%I %p')"),
                await TimeSql.TextAsync("strftime(TIMESTAMP '2021-01-03 14:05', '%-I %p')")),
            Is.EqualTo(("12 AM", "12 PM", "2 PM")));

    [Test]
    public async Task Before1970_FormatsTheFlooredTime() =>
        Assert.That(await TimeSql.TextAsync("strftime(TIMESTAMP '1969-12-31 23:59:59.5', '%Y-%m-%d %H:%M:%S.%f')"), Is.EqualTo("1969-12-31 23:59:59.500000"));

    [Test]
    public async Task FormatFirst_IsAccepted() =>
        Assert.That(await TimeSql.TextAsync("strftime('%Y/%m', TIMESTAMP '2024-02-29')"), Is.EqualTo("2024/02"));

    [Test]
    public async Task UnicodeLiteralText_IsKept() =>
        Assert.That(await TimeSql.TextAsync("strftime(TIMESTAMP '2021-01-03', 'ü %Y ✓')"), Is.EqualTo("ü 2021 ✓"));

    [Test]
    public async Task NullTimestampOrFormat_IsNull() =>
        Assert.That(
            ((await TimeSql.EvaluateAsync("strftime(NULL, '%Y')")).Value, (await TimeSql.EvaluateAsync("strftime(TIMESTAMP '2021-01-01', NULL)")).Value),
            Is.EqualTo((ScalarValue.Null(DataType.String), ScalarValue.Null(DataType.String))));

    [TestCase("%Q", "'%Q' in '%Q' is not a strftime specifier")]
    [TestCase("abc %", "ends with a lone '%'")]
    [TestCase("%-a", "'%-a' in '%-a' is not a strftime specifier")]
    [TestCase("", "the format is empty")]
    public void BadFormat_IsABindError(string format, string problem)
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync($"strftime(TIMESTAMP '2021-01-01', '{format}')"));
        Assert.That(error!.Message, Does.Contain(problem));
    }

    [Test]
    public void FormatFromAnExpression_IsABindErrorAskingForAConstant()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("strftime(TIMESTAMP '2021-01-01', CAST(1 AS VARCHAR))"));
        Assert.That(error!.Message, Does.Contain("strftime needs a constant format text"));
    }
}
