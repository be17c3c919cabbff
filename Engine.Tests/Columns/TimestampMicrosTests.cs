using Engine.Core.Columns;

namespace Engine.Tests.Columns;

public class TimestampMicrosTests
{
    [TestCase("9999-12-31T23:59:59.999999Z", 253402300799999999L)]
    [TestCase("1969-12-31T23:59:59.999999Z", -1L)]
    [TestCase("0001-01-01T00:00:00Z", -62135596800000000L)]
    [TestCase("2024-01-01 09:30:00", 1704101400000000L)]
    public void Parse_IsExactToTheMicrosecondAcrossTheWholeRange(string text, long micros)
    {
        Assert.That(TimestampMicros.Parse(text), Is.EqualTo(micros));
    }

    [TestCase(253402300799999999L, "9999-12-31T23:59:59.999999Z")]
    [TestCase(-1L, "1969-12-31T23:59:59.999999Z")]
    [TestCase(0L, "1970-01-01T00:00:00Z")]
    public void Format_IsIso8601WithTrimmedFraction(long micros, string text)
    {
        Assert.That(TimestampMicros.Format(micros), Is.EqualTo(text));
    }

    [Test]
    public void Format_OutsideYearsOneTo9999_SaysSoInsteadOfThrowing()
    {
        Assert.That(TimestampMicros.Format(9089380393200000000L), Does.Contain("outside years 1-9999"));
    }

    [TestCase(-7L, 3L, -3L)]
    [TestCase(7L, 3L, 2L)]
    [TestCase(-6L, 3L, -2L)]
    public void FloorDiv_RoundsTowardNegativeInfinity(long value, long divisor, long expected)
    {
        Assert.That(TimestampMicros.FloorDiv(value, divisor), Is.EqualTo(expected));
    }
}
