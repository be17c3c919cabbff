using Engine.Core.Errors;

namespace Engine.Tests.Functions.Numeric;

/// <summary>mod(a, b) is the operator a % b, with DuckDB 1.5's answers for zero and -1 divisors.</summary>
public sealed class ModTests
{
    [Test]
    public async Task ModOfBigints_IsBigintWithTheSignOfTheDividend() =>
        Assert.That(await MathQuery.RowAsync("mod(7, 3), mod(-7, 3), mod(7, -3), mod(5, -1)"), Is.EqualTo("BIGINT 1, BIGINT -1, BIGINT 1, BIGINT 0"));

    [Test]
    public async Task ModByZero_IsNull() =>
        Assert.That(await MathQuery.RowAsync("mod(7, 0), 7 % 0"), Is.EqualTo("BIGINT NULL, BIGINT NULL"));

    [Test]
    public async Task ModWithADouble_IsDoubleFmod() =>
        Assert.That(await MathQuery.RowAsync("mod(7.5::DOUBLE, 2), mod(-7.5::DOUBLE, 2), mod(7, 2.5::DOUBLE), mod(7::DOUBLE, 0), mod('inf'::DOUBLE, 2), mod(2, 'inf'::DOUBLE)"),
            Is.EqualTo("DOUBLE 1.5, DOUBLE -1.5, DOUBLE 2, DOUBLE NaN, DOUBLE NaN, DOUBLE 2"));

    [Test]
    public async Task ModOfAColumn_EqualsTheOperator() =>
        Assert.That(await MathQuery.OverEdgeAsync("mod(i, 7)"), Is.EqualTo(await MathQuery.OverEdgeAsync("i % 7")));

    [Test]
    public void ModOfSmallestBigintByMinusOne_FailsLikeTheOperator()
    {
        Assert.That(async () => await MathQuery.ValueAsync("mod(-9223372036854775807 - 1, -1)"),
            Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("Overflow in division of -9223372036854775808 / -1"));
        Assert.That(async () => await MathQuery.OverEdgeAsync("i % -1"), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("Overflow in division"));
    }

    [Test]
    public void ModOfText_IsABindErrorNamingMod() =>
        Assert.That(async () => await MathQuery.OverEdgeAsync("mod(s, 2)"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("mod() needs a number, got VARCHAR"));

    [Test]
    public void ModWithOneArgument_IsABindError() =>
        Assert.That(async () => await MathQuery.ValueAsync("mod(1)"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("mod(a, b) takes 2 argument(s), got 1"));
}
