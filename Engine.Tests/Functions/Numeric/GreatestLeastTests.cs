using Engine.Core.Errors;

namespace Engine.Tests.Functions.Numeric;

/// <summary>greatest and least over any comparable type, skipping NULLs, typed as DuckDB 1.5 types them.</summary>
public sealed class GreatestLeastTests
{
    [Test]
    public async Task GreatestOfBigints_IsBigintAndSkipsNulls() =>
        Assert.That(await MathQuery.RowAsync("greatest(1, 2, NULL), least(NULL, 3, 1), greatest(5)"), Is.EqualTo("BIGINT 2, BIGINT 1, BIGINT 5"));

    [Test]
    public async Task GreatestOfOnlyNulls_IsNull() =>
        Assert.That(await MathQuery.RowAsync("greatest(NULL, NULL), least(NULL::DOUBLE, NULL)"), Is.EqualTo("BIGINT NULL, DOUBLE NULL"));

    [Test]
    public async Task GreatestOfBigintAndDouble_IsDouble() =>
        Assert.That(await MathQuery.RowAsync("greatest(1, 2.5::DOUBLE, 2), least(1, 2.5::DOUBLE)"), Is.EqualTo("DOUBLE 2.5, DOUBLE 1"));

    [Test]
    public async Task GreatestOfDoubles_OrdersNaNAboveEverything() =>
        Assert.That(await MathQuery.RowAsync("greatest('nan'::DOUBLE, 1), least('nan'::DOUBLE, 1), least('-inf'::DOUBLE, 'nan'::DOUBLE), greatest('inf'::DOUBLE, 'nan'::DOUBLE)"),
            Is.EqualTo("DOUBLE NaN, DOUBLE 1, DOUBLE -Infinity, DOUBLE NaN"));

    [Test]
    public async Task GreatestOfColumns_SkipsNullsPerRow() =>
        Assert.That(await MathQuery.OverEdgeAsync("greatest(d, i)"), Is.EqualTo("DOUBLE: 9.223372036854776E+18|NaN|0|Infinity|-1|1.7976931348623157E+308|1"));

    [Test]
    public async Task LeastOfColumns_SkipsNullsPerRow() =>
        Assert.That(await MathQuery.OverEdgeAsync("least(d, i, NULL)"), Is.EqualTo("DOUBLE: 0.1|-9.223372036854776E+18|0|Infinity|-Infinity|42|-5E-324"));

    [Test]
    public async Task GreatestOfText_ComparesOrdinally() =>
        Assert.That(await MathQuery.RowAsync("greatest('a', 'b', 'B'), least('a', 'A', ''), greatest('é', 'z', 'ü')"), Is.EqualTo("VARCHAR b, VARCHAR , VARCHAR ü"));

    [Test]
    public async Task GreatestOfATextColumn_SkipsNulls() =>
        Assert.That(await MathQuery.OverEdgeAsync("greatest(s, 'm')"), Is.EqualTo("VARCHAR: plain|m|m|m|m|ünïcödé|m"));

    [Test]
    public async Task LeastOfATextColumn_KeepsTheColumnsStrings() =>
        Assert.That(await MathQuery.OverEdgeAsync("least(s, 'm', NULL)"), Is.EqualTo("VARCHAR: m|m||comma, and \"quote\"|line\nbreak|m| padded "));

    [Test]
    public async Task GreatestOfTimestamps_IsATimestampBefore1970Too() =>
        Assert.That(await MathQuery.RowAsync("greatest(TIMESTAMP '1900-01-01', NULL, TIMESTAMP '1800-01-01'), least(TIMESTAMP '1969-12-31 23:59:59', TIMESTAMP '2024-01-01')"),
            Is.EqualTo("TIMESTAMP 1900-01-01T00:00:00Z, TIMESTAMP 1969-12-31T23:59:59Z"));

    [Test]
    public async Task GreatestOfATimestampAndText_ReadsTheTextAsATimestamp() =>
        Assert.That(await MathQuery.RowAsync("greatest(TIMESTAMP '2024-01-01', '2025-01-01')"), Is.EqualTo("TIMESTAMP 2025-01-01T00:00:00Z"));

    [Test]
    public async Task GreatestOfABigintAndText_ReadsTheTextAsABigint() =>
        Assert.That(await MathQuery.RowAsync("greatest(1, '2'), least(1.5::DOUBLE, '2.5')"), Is.EqualTo("BIGINT 2, DOUBLE 1.5"));

    [Test]
    public async Task GreatestOfIntervalsAndBooleans_KeepTheirTypes() =>
        Assert.That(await MathQuery.RowAsync("greatest(INTERVAL '1 hour', INTERVAL '30 minutes'), least(true, false), greatest(false, NULL, true)"),
            Is.EqualTo("INTERVAL 01:00:00, BOOLEAN false, BOOLEAN true"));

    [Test]
    public void GreatestOfABigintAndATimestamp_IsABindError() =>
        Assert.That(async () => await MathQuery.ValueAsync("greatest(1, TIMESTAMP '2024-01-01')"),
            Throws.InstanceOf<QueryBindException>().With.Message.Contains("greatest() needs arguments of one type, got BIGINT, TIMESTAMP"));

    [Test]
    public void GreatestOfABigintAndNonNumericText_FailsConvertingTheText() =>
        Assert.That(async () => await MathQuery.ValueAsync("greatest(1, 'abc')"), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains("Could not convert string 'abc' to BIGINT"));

    [Test]
    public void GreatestWithoutArguments_IsABindError() =>
        Assert.That(async () => await MathQuery.ValueAsync("greatest()"), Throws.InstanceOf<QueryBindException>().With.Message.Contains("greatest() takes at least 1 argument"));
}
