using Engine.Core.Columns;

namespace Engine.Tests.Columns;

/// <summary>DOUBLE as VARCHAR, as DuckDB 1.5 casts it.</summary>
public class DoubleTextTests
{
    [TestCase(double.NaN, "nan")]
    [TestCase(double.PositiveInfinity, "inf")]
    [TestCase(double.NegativeInfinity, "-inf")]
    public void Format_NonFiniteValue_IsDuckDbsSpelling(double value, string expected) =>
        Assert.That(DoubleText.Format(value), Is.EqualTo(expected));

    [TestCase(100.0, "100.0")]
    [TestCase(-0.0, "-0.0")]
    [TestCase(1e20, "1e+20")]
    [TestCase(1.5e-7, "1.5e-07")]
    [TestCase(0.1, "0.1")]
    public void Format_FiniteValue_IsShortestRoundTrip(double value, string expected) =>
        Assert.That(DoubleText.Format(value), Is.EqualTo(expected));
}
