using Engine.Core.Errors;

namespace Engine.Tests.Functions.Numeric;

/// <summary>round, trunc, floor and ceil with DuckDB 1.5's types and its answers at the edges (checked against DuckDB).</summary>
public sealed class RoundingTests
{
    [Test]
    public async Task RoundOfDoubles_RoundsHalfAwayFromZero() =>
        Assert.That(await MathQuery.RowAsync("round(2.5::DOUBLE), round(-2.5::DOUBLE), round(0.5::DOUBLE), round(1.4999::DOUBLE)"),
            Is.EqualTo("DOUBLE 3, DOUBLE -3, DOUBLE 1, DOUBLE 1"));

    [Test]
    public async Task RoundOfEdgeDoubles_KeepsNaNAndInfinities() =>
        Assert.That(await MathQuery.OverEdgeAsync("round(d)"), Is.EqualTo("DOUBLE: 0|NaN|NULL|Infinity|-Infinity|1.7976931348623157E+308|-0"));

    [Test]
    public async Task RoundOfBigints_IsTheBigintItself() =>
        Assert.That(await MathQuery.OverEdgeAsync("round(i)"), Is.EqualTo("BIGINT: 9223372036854775807|-9223372036854775808|0|NULL|-1|42|1"));

    [Test]
    public async Task RoundToDigits_OfADouble_IsDouble() =>
        Assert.That(await MathQuery.RowAsync("round(123.456::DOUBLE, 1), round(-123.456::DOUBLE, -1), round(1234.5678::DOUBLE, -2), round(1.005::DOUBLE, 2)"),
            Is.EqualTo("DOUBLE 123.5, DOUBLE -120, DOUBLE 1200, DOUBLE 1"));

    [Test]
    public async Task RoundToDigits_WhoseScaledValueIsNotFinite_IsXForPositiveDigitsAndZeroForNegative() =>
        Assert.That(await MathQuery.RowAsync("round(1e308::DOUBLE, 10), round(1.5::DOUBLE, 400), round(5::DOUBLE, -400), round('nan'::DOUBLE, 2), round('nan'::DOUBLE, -2), round('inf'::DOUBLE, 2), round('inf'::DOUBLE, -2)"),
            Is.EqualTo("DOUBLE 1E+308, DOUBLE 1.5, DOUBLE 0, DOUBLE NaN, DOUBLE 0, DOUBLE Infinity, DOUBLE 0"));

    [Test]
    public async Task RoundToDigits_OfABigint_RoundsHalfAwayFromZeroAndStaysBigint() =>
        Assert.That(await MathQuery.RowAsync("round(15, -1), round(-15, -1), round(-14, -1), round(155, 2), round(4999999999999999999, -19), round(123, -200)"),
            Is.EqualTo("BIGINT 20, BIGINT -20, BIGINT -10, BIGINT 155, BIGINT 0, BIGINT 0"));

    [Test]
    public async Task RoundToDigits_NearTheBigintLimits_IsExact() =>
        Assert.That(await MathQuery.RowAsync("round(9223372036854775807, -18), round(-9223372036854775807 - 1, -18)"),
            Is.EqualTo("BIGINT 9000000000000000000, BIGINT -9000000000000000000"));

    [Test]
    public void RoundToDigits_BeyondBigint_FailsWithOverflow() =>
        Assert.That(async () => await MathQuery.ValueAsync("round(9223372036854775807, -1)"),
            Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("Overflow in round(9223372036854775807, -1)"));

    [Test]
    public void RoundToDigits_TenToTheNineteenth_FailsWithOverflow() =>
        Assert.That(async () => await MathQuery.ValueAsync("round(5000000000000000000, -19)"), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("Overflow"));

    [Test]
    public async Task RoundToDigits_WithNullDigitsOrValue_IsNull() =>
        Assert.That(await MathQuery.RowAsync("round(1.5::DOUBLE, NULL), round(NULL::DOUBLE, 1), round(15, NULL)"), Is.EqualTo("DOUBLE NULL, DOUBLE NULL, BIGINT NULL"));

    [Test]
    public async Task RoundToDigits_FromAColumn_UsesEachRowsDigits() =>
        Assert.That(await MathQuery.QueryAsync("SELECT round(123.456::DOUBLE, i) FROM edge WHERE i BETWEEN -1 AND 42 OR i IS NULL"),
            Is.EqualTo("DOUBLE: 123|NULL|120|123.45599999999999|123.5"), "as DuckDB: 123.456 · 10⁴² rounds back to a neighbour");

    [Test]
    public void RoundToDigits_WithADoubleDigitCount_IsABindError() =>
        Assert.That(async () => await MathQuery.ValueAsync("round(1.5::DOUBLE, 1.5::DOUBLE)"),
            Throws.InstanceOf<QueryBindException>().With.Message.Contains("round(x, n) needs an integer number of digits, got DOUBLE"));

    [Test]
    public void RoundToDigits_BeyondIntegerRange_IsABindError() =>
        Assert.That(async () => await MathQuery.ValueAsync("round(1.5::DOUBLE, 2147483648)"),
            Throws.InstanceOf<QueryBindException>().With.Message.Contains("INTEGER range"));

    [Test]
    public void RoundToDigits_FromAColumnBeyondIntegerRange_FailsWhenRun() =>
        Assert.That(async () => await MathQuery.OverEdgeAsync("round(d, i)"), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("INTEGER range"));

    [Test]
    public async Task RoundToDigits_GivenAsText_ReadsTheDigits() =>
        Assert.That(await MathQuery.RowAsync("round(2.25::DOUBLE, '1'), trunc(155, '-1')"), Is.EqualTo("DOUBLE 2.3, BIGINT 150"));

    [Test]
    public void RoundToDigits_GivenAsNonNumericText_FailsConvertingIt() =>
        Assert.That(async () => await MathQuery.ValueAsync("round(2.5::DOUBLE, 'x')"), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("Could not convert string 'x' to BIGINT"));

    [Test]
    public void FloorOfText_IsABindErrorAsInDuckDb() =>
        Assert.That(async () => await MathQuery.ValueAsync("floor('2.5')"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("floor() needs a number, got VARCHAR"));

    [Test]
    public void RoundOfText_IsABindError() =>
        Assert.That(async () => await MathQuery.OverEdgeAsync("round(s)"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("round() needs a number, got VARCHAR"));

    [Test]
    public async Task TruncOfDoubles_RoundsTowardZeroAndKeepsNaNAndInfinities() =>
        Assert.That(await MathQuery.OverEdgeAsync("trunc(d)"), Is.EqualTo("DOUBLE: 0|NaN|NULL|Infinity|-Infinity|1.7976931348623157E+308|-0"));

    [Test]
    public async Task TruncOfBigints_IsTheBigintItself() =>
        Assert.That(await MathQuery.OverEdgeAsync("trunc(i)"), Is.EqualTo("BIGINT: 9223372036854775807|-9223372036854775808|0|NULL|-1|42|1"));

    [Test]
    public async Task TruncToDigits_RoundsTowardZero() =>
        Assert.That(await MathQuery.RowAsync("trunc(-12.345::DOUBLE, 1), trunc(12.345::DOUBLE, -1), trunc(155, -1), trunc(-155, -1), trunc(-9223372036854775807 - 1, -18), trunc(9223372036854775807, -19)"),
            Is.EqualTo("DOUBLE -12.3, DOUBLE 10, BIGINT 150, BIGINT -150, BIGINT -9000000000000000000, BIGINT 0"));

    [Test]
    public async Task TruncToDigits_WhoseScaledValueIsNotFinite_IsX() =>
        Assert.That(await MathQuery.RowAsync("trunc(1.5::DOUBLE, -400), trunc(1.5::DOUBLE, 400), trunc('inf'::DOUBLE, -1), trunc('nan'::DOUBLE, -1)"),
            Is.EqualTo("DOUBLE 1.5, DOUBLE 1.5, DOUBLE Infinity, DOUBLE NaN"));

    [Test]
    public async Task FloorOfDoubles_IsDouble() =>
        Assert.That(await MathQuery.OverEdgeAsync("floor(d)"), Is.EqualTo("DOUBLE: 0|NaN|NULL|Infinity|-Infinity|1.7976931348623157E+308|-1"));

    [Test]
    public async Task FloorAndCeilOfBigints_AreDoubleAsInDuckDb() =>
        Assert.That(await MathQuery.RowAsync("floor(5), ceil(-5), ceiling(9007199254740993)"), Is.EqualTo("DOUBLE 5, DOUBLE -5, DOUBLE 9007199254740992"));

    [Test]
    public async Task CeilOfDoubles_IsDouble() =>
        Assert.That(await MathQuery.OverEdgeAsync("ceil(d)"), Is.EqualTo("DOUBLE: 1|NaN|NULL|Infinity|-Infinity|1.7976931348623157E+308|-0"));

    [Test]
    public async Task CeilingAlias_IsCeil() =>
        Assert.That(await MathQuery.RowAsync("ceiling(-2.5::DOUBLE), ceil(-2.5::DOUBLE), floor(-2.5::DOUBLE)"), Is.EqualTo("DOUBLE -2, DOUBLE -2, DOUBLE -3"));

    [Test]
    public void FloorWithTwoArguments_IsABindError() =>
        Assert.That(async () => await MathQuery.ValueAsync("floor(1.5::DOUBLE, 1)"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("floor(x) takes 1 argument(s)"));
}
