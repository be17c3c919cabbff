using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Tests.Functions.Time;

/// <summary>INTERVAL × number and INTERVAL ÷ number, INTERVALs as DuckDB types them, rounded half to even.</summary>
public sealed class IntervalScalingTests
{
    [TestCase("INTERVAL '1 hour' * 2", "02:00:00")]
    [TestCase("2 * INTERVAL '1 hour'", "02:00:00")]
    [TestCase("INTERVAL '1 hour' * 1.5", "01:30:00")]
    [TestCase("1.5 * INTERVAL '1 hour'", "01:30:00")]
    [TestCase("INTERVAL '1 hour' * -1.5", "-01:30:00")]
    [TestCase("INTERVAL '1 hour' / 2", "00:30:00")]
    [TestCase("INTERVAL '1 hour' / 2.5", "00:24:00")]
    [TestCase("INTERVAL '10 seconds' / 3", "00:00:03.333333")]
    [TestCase("INTERVAL '1 microsecond' * 0.5", "00:00:00")]
    [TestCase("INTERVAL '1 microsecond' * 1.5", "00:00:00.000002")]
    [TestCase("INTERVAL '5 microseconds' / 2", "00:00:00.000002")]
    [TestCase("INTERVAL '-3 microseconds' / 2", "-00:00:00.000002")]
    public async Task ScaledInterval_IsAnInterval(string expression, string expected)
    {
        var (type, value) = await TimeSql.EvaluateAsync(expression);
        Assert.That((type, value.ToString()), Is.EqualTo((DataType.Interval, expected)));
    }

    [Test]
    public async Task DivisionByZero_IsNull() =>
        Assert.That(
            ((await TimeSql.EvaluateAsync("INTERVAL '1 hour' / 0")).Value, (await TimeSql.EvaluateAsync("INTERVAL '1 hour' / 0.0")).Value),
            Is.EqualTo((ScalarValue.Null(DataType.Interval), ScalarValue.Null(DataType.Interval))));

    [Test]
    public async Task NullFactor_IsANullInterval() =>
        Assert.That((await TimeSql.EvaluateAsync("INTERVAL '1 hour' * NULL")).Value, Is.EqualTo(ScalarValue.Null(DataType.Interval)));

    [TestCase("INTERVAL '1 hour' * 9223372036854775807")]
    [TestCase("INTERVAL '1 hour' * 1e30")]
    [TestCase("INTERVAL '1 hour' * 'NaN'::DOUBLE")]
    public void Overflow_IsAnError(string expression)
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => TimeSql.RunAsync(expression));
        Assert.That(error!.Message, Does.Contain("Overflow in multiplication of INTERVAL"));
    }

    [Test]
    public void IntervalTimesInterval_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("INTERVAL '1 hour' * INTERVAL '1 hour'"));
        Assert.That(error!.Message, Does.Contain("can only scale an INTERVAL by a number"));
    }

    [Test]
    public void NumberDividedByAnInterval_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("2 / INTERVAL '1 hour'"));
        Assert.That(error!.Message, Does.Contain("Operator '/' needs numbers"));
    }
}
