using System.Text.Json;
using Engine.Core.Columns;

namespace Engine.Tests.Support;

public sealed class DuckDbOracleParsingTests
{
    [TestCase("10959 days", 946_857_600_000_000L)]
    [TestCase("19782 days 23:59:59.999999", 1_709_251_199_999_999L)]
    [TestCase("-25508 days -12:00:00", -2_203_934_400_000_000L)]
    [TestCase("-00:00:00.5", -500_000L)]
    [TestCase("01:30:00", 5_400_000_000L)]
    public void ParseInterval_DaysAndClock_Microseconds(string text, long expected) =>
        Assert.That(DuckDbOracle.ParseInterval(text), Is.EqualTo(expected));

    [Test]
    public void ParseInterval_WithMonths_NullSoTheComparerReportsTheText() =>
        Assert.That(DuckDbOracle.ParseInterval("1 year 2 months"), Is.Null);

    [Test]
    public void ToScalar_HugeIntBeyondBigInt_DoubleSoTheComparerReportsTheTypeDifference()
    {
        Assert.That(Scalar("\"170141183460469231731687303715884105727\"", "HUGEINT").Type, Is.EqualTo(DataType.Double));
    }

    [Test]
    public void ToScalar_HugeIntWithinBigInt_BigInt()
    {
        Assert.That(Scalar("\"-9223372036854775808\"", "HUGEINT"), Is.EqualTo(ScalarValue.FromInt64(long.MinValue)));
    }

    [Test]
    public void ToScalar_IntegerAsJsonNumber_BigInt()
    {
        Assert.That(Scalar("42", "INTEGER"), Is.EqualTo(ScalarValue.FromInt64(42)));
    }

    [Test]
    public void ToScalar_DoubleNumber_ExactDouble()
    {
        Assert.That(Scalar("0.30000000000000004", "DOUBLE"), Is.EqualTo(ScalarValue.FromDouble(0.1 + 0.2)));
    }

    [TestCase("\"NaN\"", double.NaN)]
    [TestCase("\"Infinity\"", double.PositiveInfinity)]
    [TestCase("\"-Infinity\"", double.NegativeInfinity)]
    public void ToScalar_SpecialDoubles_Parsed(string json, double expected)
    {
        Assert.That(Scalar(json, "DOUBLE").DoubleValue, Is.EqualTo(expected));
    }

    [Test]
    public void ToScalar_Decimal_Double()
    {
        Assert.That(Scalar("\"1.5\"", "DECIMAL(2,1)"), Is.EqualTo(ScalarValue.FromDouble(1.5)));
    }

    [Test]
    public void ToScalar_TimestampIsoText_Microseconds()
    {
        Assert.That(Scalar("\"1969-12-31T23:59:59.999999Z\"", "TIMESTAMP"), Is.EqualTo(ScalarValue.FromTimestamp(-1)));
    }

    [Test]
    public void ToScalar_TimestampInYear9999_ExactMicroseconds()
    {
        Assert.That(Scalar("\"9999-12-31T23:59:59.999999Z\"", "TIMESTAMP"), Is.EqualTo(ScalarValue.FromTimestamp(253_402_300_799_999_999)));
    }

    [Test]
    public void ToScalar_InfiniteTimestamp_Text()
    {
        Assert.That(Scalar("\"infinity\"", "TIMESTAMP"), Is.EqualTo(ScalarValue.FromString("infinity")));
    }

    [Test]
    public void ToScalar_Date_MidnightTimestamp()
    {
        Assert.That(Scalar("\"2024-01-02\"", "DATE"), Is.EqualTo(ScalarValue.FromTimestamp(1_704_153_600_000_000)));
    }

    [Test]
    public void ToScalar_Null_TypedNull()
    {
        Assert.That(Scalar("null", "BIGINT"), Is.EqualTo(ScalarValue.Null(DataType.Int64)));
    }

    [Test]
    public void ToScalar_Interval_Microseconds()
    {
        Assert.That(Scalar("\"00:01:00\"", "INTERVAL"), Is.EqualTo(ScalarValue.FromInterval(60_000_000)));
    }

    [Test]
    public void ParseResponse_ErrorEntry_ResultWithError()
    {
        var results = DuckDbOracle.ParseResponse(["SELECT 1", "SELECT nope"],
            """[{"columns":["x"],"types":["INTEGER"],"rows":[[1]]},{"error":"Binder Error"}]""");
        Assert.Multiple(() =>
        {
            Assert.That(results[0].Succeeded, Is.True);
            Assert.That(results[0].Rows[0][0], Is.EqualTo(ScalarValue.FromInt64(1)));
            Assert.That(results[1].Error, Is.EqualTo("Binder Error"));
            Assert.That(results[1].Sql, Is.EqualTo("SELECT nope"));
        });
    }

    [Test]
    public void ParseResponse_WrongNumberOfEntries_Throws()
    {
        Assert.That(() => DuckDbOracle.ParseResponse(["SELECT 1", "SELECT 2"], "[{\"error\":\"x\"}]"), Throws.TypeOf<InvalidDataException>());
    }

    private static ScalarValue Scalar(string json, string type)
    {
        using var document = JsonDocument.Parse(json);
        return DuckDbOracle.ToScalar(document.RootElement, type);
    }
}
