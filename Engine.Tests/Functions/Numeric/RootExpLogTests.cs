using Engine.Core.Errors;

namespace Engine.Tests.Functions.Numeric;

/// <summary>sqrt, cbrt, exp, the logarithms and power: DOUBLE results, IEEE 754 at NaN and the infinities, and DuckDB 1.5's domain errors.</summary>
public sealed class RootExpLogTests
{
    [Test]
    public async Task SqrtOfBigint_IsDouble() =>
        Assert.That(await MathQuery.RowAsync("sqrt(4), sqrt(2::DOUBLE), sqrt('inf'::DOUBLE), sqrt('nan'::DOUBLE), sqrt(-0.0::DOUBLE), sqrt(NULL)"),
            Is.EqualTo("DOUBLE 2, DOUBLE 1.4142135623730951, DOUBLE Infinity, DOUBLE NaN, DOUBLE -0, DOUBLE NULL"));

    [Test]
    public async Task SqrtOfText_ParsesItAsADouble() =>
        Assert.That(await MathQuery.ValueAsync("sqrt('16')"), Is.EqualTo("DOUBLE: 4"));

    [Test]
    public void SqrtOfANegativeNumber_Fails()
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => MathQuery.QueryAsync("SELECT sqrt(i) FROM edge"));
        Assert.That(error!.Message, Does.Contain("cannot take square root of a negative number"));
    }

    [Test]
    public void SqrtOfNegativeInfinity_Fails() =>
        Assert.That(async () => await MathQuery.OverEdgeAsync("sqrt(d)"), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("square root of a negative number"));

    [Test]
    public async Task SqrtOfNegativeRowsThatAreFilteredOutOrNull_DoesNotFail() =>
        Assert.That(await MathQuery.QueryAsync("SELECT sqrt(i) FROM edge WHERE i >= 0 OR i IS NULL"), Is.EqualTo("DOUBLE: 3037000499.97605|0|NULL|6.48074069840786|1"));

    [Test]
    public async Task SqrtInsideCase_IsOnlyComputedForTheRowsItsBranchTakes() =>
        Assert.That(await MathQuery.OverEdgeAsync("CASE WHEN d >= 0 THEN sqrt(d) ELSE -1 END"), Is.EqualTo("DOUBLE: 0.31622776601683794|NaN|-1|Infinity|-1|1.3407807929942596E+154|-1"));

    [Test]
    public async Task CbrtOfNegativeNumbers_IsNegative() =>
        Assert.That(await MathQuery.RowAsync("cbrt(-8), cbrt(27::DOUBLE) BETWEEN 2.9999999 AND 3.0000001, cbrt('-inf'::DOUBLE), cbrt('nan'::DOUBLE)"),
            Is.EqualTo("DOUBLE -2, BOOLEAN true, DOUBLE -Infinity, DOUBLE NaN"));

    [Test]
    public async Task ExpOverflowsToInfinityAndUnderflowsToZero() =>
        Assert.That(await MathQuery.RowAsync("exp(0), exp(1), exp(710::DOUBLE), exp(-1000::DOUBLE), exp('-inf'::DOUBLE), exp('nan'::DOUBLE)"),
            Is.EqualTo("DOUBLE 1, DOUBLE 2.718281828459045, DOUBLE Infinity, DOUBLE 0, DOUBLE 0, DOUBLE NaN"));

    [Test]
    public async Task Logarithms_OfPositiveNumbers() =>
        Assert.That(await MathQuery.RowAsync("ln(1), log10(100), log2(8), log(1000), log(2, 8), log(0.5::DOUBLE, 8), log(10::DOUBLE, 'inf'::DOUBLE)"),
            Is.EqualTo("DOUBLE 0, DOUBLE 2, DOUBLE 3, DOUBLE 3, DOUBLE 3, DOUBLE -3, DOUBLE Infinity"));

    [Test]
    public async Task Logarithms_OfNaNAndInfinity() =>
        Assert.That(await MathQuery.RowAsync("ln('nan'::DOUBLE), log10('inf'::DOUBLE), log2('nan'::DOUBLE), log('nan'::DOUBLE), log(2, 'nan'::DOUBLE), log('inf'::DOUBLE, 8)"),
            Is.EqualTo("DOUBLE NaN, DOUBLE Infinity, DOUBLE NaN, DOUBLE NaN, DOUBLE NaN, DOUBLE 0"));

    [TestCase("ln(0)")]
    [TestCase("log10(-0.0::DOUBLE)")]
    [TestCase("log2(0)")]
    [TestCase("log(0)")]
    [TestCase("log(0, 8)")]
    [TestCase("log(2, 0)")]
    public void LogarithmOfZero_Fails(string expression) =>
        Assert.That(async () => await MathQuery.ValueAsync(expression), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("cannot take logarithm of zero"));

    [TestCase("ln(-1)")]
    [TestCase("ln('-inf'::DOUBLE)")]
    [TestCase("log10(-1)")]
    [TestCase("log2(-3)")]
    [TestCase("log(-2, 8)")]
    [TestCase("log(2, -8)")]
    [TestCase("log(-1, 0)")]
    public void LogarithmOfANegativeNumber_Fails(string expression) =>
        Assert.That(async () => await MathQuery.ValueAsync(expression), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("cannot take logarithm of a negative number"));

    [TestCase("log(1, 8)")]
    [TestCase("log(1, 0)")]
    [TestCase("log(1, 'nan'::DOUBLE)")]
    public void LogarithmToBaseOne_Fails(string expression) =>
        Assert.That(async () => await MathQuery.ValueAsync(expression), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("division by zero in based logarithm"));

    [Test]
    public void LogarithmOfAColumnWithZero_FailsWhenRun() =>
        Assert.That(async () => await MathQuery.OverEdgeAsync("ln(d)"), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("logarithm"));

    [Test]
    public async Task LogarithmsOfAColumn_SkipTheDomainCheckOnNullRows() =>
        Assert.That(await MathQuery.QueryAsync("SELECT ln(d) + log10(d) + log2(d) + log(2, d) FROM edge WHERE d > 0 OR d IS NULL"),
            Is.EqualTo("DOUBLE: -9.94644128276877|NaN|NULL|Infinity|3066.037428453301"), "the NULL row stores 0, whose logarithm would fail");

    [Test]
    public async Task ExpOfEdgeDoubles_FollowsIeee754() =>
        Assert.That(await MathQuery.OverEdgeAsync("exp(d)"), Is.EqualTo("DOUBLE: 1.1051709180756477|NaN|NULL|Infinity|0|Infinity|1"));

    [Test]
    public async Task CbrtOfEdgeDoubles_KeepsSigns() =>
        Assert.That(await MathQuery.OverEdgeAsync("cbrt(d)"), Is.EqualTo("DOUBLE: 0.46415888336127786|NaN|NULL|Infinity|-Infinity|5.643803094122362E+102|-1.7031839360032601E-108"));

    [Test]
    public async Task EveryDoubleFunctionOfNull_IsADoubleNull() =>
        Assert.That(await MathQuery.RowAsync("exp(NULL), cbrt(NULL), ln(NULL), log10(NULL), log2(NULL), log(NULL), log(NULL, 2), log(2, NULL), floor(NULL), ceil(NULL), power(2, NULL)"),
            Is.EqualTo(string.Join(", ", Enumerable.Repeat("DOUBLE NULL", 11))));

    [Test]
    public void LogWithThreeArguments_IsABindError() =>
        Assert.That(async () => await MathQuery.ValueAsync("log(2, 8, 1)"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("log([b, ]x) takes 1 to 2 argument(s), got 3"));

    [Test]
    public async Task PowerOfBigints_IsDouble() =>
        Assert.That(await MathQuery.RowAsync("power(2, 10), pow(2, 0.5), power(-2, 63), power(2, 1024), power(NULL, 2)"),
            Is.EqualTo("DOUBLE 1024, DOUBLE 1.4142135623730951, DOUBLE -9.223372036854776E+18, DOUBLE Infinity, DOUBLE NULL"));

    [Test]
    public async Task PowerAtTheIeeeEdges_FollowsIeee754() =>
        Assert.That(await MathQuery.RowAsync("power(0, -1), power(-8::DOUBLE, 0.5), power('nan'::DOUBLE, 0), power(1, 'nan'::DOUBLE), power(-1, 'inf'::DOUBLE), power(-0.0::DOUBLE, -1)"),
            Is.EqualTo("DOUBLE Infinity, DOUBLE NaN, DOUBLE 1, DOUBLE 1, DOUBLE 1, DOUBLE -Infinity"));

    [Test]
    public void PowerOfText_IsABindError() =>
        Assert.That(async () => await MathQuery.OverEdgeAsync("power(d, t)"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("power() needs a number, got TIMESTAMP"));
}
