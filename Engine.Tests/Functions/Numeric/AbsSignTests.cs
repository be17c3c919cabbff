using Engine.Core.Errors;

namespace Engine.Tests.Functions.Numeric;

/// <summary>abs and sign keep DuckDB 1.5's types: abs of a BIGINT is a BIGINT that overflows on −2⁶³, sign is an integer.</summary>
public sealed class AbsSignTests
{
    [Test]
    public async Task AbsOfDoubles_IsDoubleWithNaNKeptAndInfinitiesPositive() =>
        Assert.That(await MathQuery.OverEdgeAsync("abs(d)"), Is.EqualTo("DOUBLE: 0.1|NaN|NULL|Infinity|Infinity|1.7976931348623157E+308|5E-324"));

    [Test]
    public async Task AbsOfBigints_IsBigint() =>
        Assert.That(await MathQuery.QueryAsync("SELECT abs(i) FROM edge WHERE i > -9223372036854775807 OR i IS NULL"), Is.EqualTo("BIGINT: 9223372036854775807|0|NULL|1|42|1"));

    [Test]
    public async Task AbsOfNull_IsBigintNull() =>
        Assert.That(await MathQuery.ValueAsync("abs(NULL)"), Is.EqualTo("BIGINT: NULL"));

    [Test]
    public async Task AbsOfNegativeZero_IsZero() =>
        Assert.That(await MathQuery.ValueAsync("abs(-0.0::DOUBLE) = 0 AND 1 / abs(-0.0::DOUBLE) > 0"), Is.EqualTo("BOOLEAN: true"));

    [Test]
    public void AbsOfSmallestBigintInAColumn_FailsWithOverflow()
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => MathQuery.OverEdgeAsync("abs(i)"));
        Assert.That(error!.Message, Does.Contain("Overflow on abs(-9223372036854775808)"));
    }

    [Test]
    public void AbsOfSmallestBigintConstant_FailsWhenBound() =>
        Assert.That(async () => await MathQuery.Engine.PlanAsync("SELECT abs(-9223372036854775807 - 1) FROM edge"),
            Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("Overflow on abs"));

    [Test]
    public void AbsOfText_IsABindErrorAtTheArgument()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => MathQuery.OverEdgeAsync("abs(s)"));
        Assert.That(error!.Message, Does.Contain("abs() needs a number, got VARCHAR"));
        Assert.That(error.Message, Does.Contain("column 12"));
    }

    [Test]
    public void AbsWithTwoArguments_IsABindError() =>
        Assert.That(async () => await MathQuery.ValueAsync("abs(1, 2)"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("abs(x) takes 1 argument(s), got 2"));

    [Test]
    public async Task SignOfDoubles_IsBigintWithNaNZero() =>
        Assert.That(await MathQuery.OverEdgeAsync("sign(d)"), Is.EqualTo("BIGINT: 1|0|NULL|1|-1|1|-1"));

    [Test]
    public async Task SignOfBigints_IsBigint() =>
        Assert.That(await MathQuery.OverEdgeAsync("sign(i)"), Is.EqualTo("BIGINT: 1|-1|0|NULL|-1|1|1"));

    [Test]
    public async Task SignOfNegativeZero_IsZero() =>
        Assert.That(await MathQuery.ValueAsync("sign(-0.0::DOUBLE)"), Is.EqualTo("BIGINT: 0"));
}
