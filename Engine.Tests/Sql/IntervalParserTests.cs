using Engine.Core.Errors;
using Engine.Core.Sql;

namespace Engine.Tests.Sql;

[TestFixture]
public sealed class IntervalParserTests
{
    internal const long Second = 1_000_000;
    internal const long Minute = 60 * Second;
    internal const long Hour = 60 * Minute;
    internal const long Day = 24 * Hour;

    [TestCase("5m", 5 * Minute)]
    [TestCase("1h", Hour)]
    [TestCase("1d", Day)]
    [TestCase("30s", 30 * Second)]
    [TestCase("100ms", 100_000L)]
    [TestCase("10us", 10L)]
    [TestCase("1w", 7 * Day)]
    [TestCase("1 minute", Minute)]
    [TestCase("5 minutes", 5 * Minute)]
    [TestCase("2 hours", 2 * Hour)]
    [TestCase("1 day", Day)]
    [TestCase("1 second", Second)]
    [TestCase("250 milliseconds", 250_000L)]
    [TestCase("1 microsecond", 1L)]
    [TestCase("1 week", 7 * Day)]
    [TestCase("1 hour 30 minutes", Hour + 30 * Minute)]
    [TestCase("1h30m", Hour + 30 * Minute)]
    [TestCase("  2 Days  ", 2 * Day)]
    [TestCase("1 MINUTE", Minute)]
    [TestCase("15 min", 15 * Minute)]
    [TestCase("3 hrs", 3 * Hour)]
    [TestCase("-1 hour", -Hour)]
    [TestCase("+1 hour", Hour)]
    [TestCase("- 1 hour 30 minutes", -(Hour + 30 * Minute))]
    [TestCase("0s", 0L)]
    [TestCase("9223372036854775807us", long.MaxValue)]
    public void TryParse_ValidInterval_ReturnsMicroseconds(string text, long expected)
    {
        var ok = IntervalParser.TryParse(text, out var micros, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True, error);
            Assert.That(micros, Is.EqualTo(expected));
            Assert.That(error, Is.Null);
        });
    }

    [TestCase("abc")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("5")]
    [TestCase("m")]
    [TestCase("1 fortnight")]
    [TestCase("1.5 hours")]
    [TestCase("1 hour and 30 minutes")]
    [TestCase("-")]
    [TestCase("1h -30m")]
    public void TryParse_NotAnInterval_ReturnsErrorWithExamples(string text)
    {
        var ok = IntervalParser.TryParse(text, out _, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Is.EqualTo($"'{text}' is not an interval; use e.g. '1 minute', '5m', '1h'"));
        });
    }

    [TestCase("9223372036854775808us")]
    [TestCase("106751991 days 1 day")]
    [TestCase("99999999999999999999 weeks")]
    [TestCase("20000000 weeks")]
    public void TryParse_TooLarge_ReturnsOverflowError(string text)
    {
        var ok = IntervalParser.TryParse(text, out _, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(error, Does.StartWith($"'{text}' is too large for an interval"));
        });
    }

    [TestCase("1 month")]
    [TestCase("2 MONTHS")]
    [TestCase("1 year")]
    [TestCase("3y")]
    [TestCase("1 mon")]
    [TestCase("1 day 1 month")]
    public void TryParse_MonthsOrYears_ThrowsUnsupported(string text)
    {
        var error = Assert.Throws<UnsupportedFeatureException>(() => IntervalParser.TryParse(text, out _, out _))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Feature, Is.EqualTo("interval in months or years"));
            Assert.That(error.Message, Does.Contain($"'{text}'"));
        });
    }
}
