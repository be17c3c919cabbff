using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Tests.Support;

namespace Engine.Tests.Expressions;

/// <summary>TIMESTAMP and INTERVAL arithmetic as DuckDB types it: shifts are TIMESTAMPs, differences INTERVALs.</summary>
public sealed class TemporalArithmeticTests
{
    private static async Task<(DataType Type, string Text)> Scalar(string expression)
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync($"SELECT {expression} FROM trades WHERE symbol = 'A' ORDER BY ts LIMIT 1");
        return (result.Schema[0].Type, result.GetValue(0, 0).ToString());
    }

    [Test]
    public async Task TimestampPlusInterval_IsATimestamp() =>
        Assert.That(await Scalar("ts + INTERVAL '90 minutes'"), Is.EqualTo((DataType.Timestamp, "2024-01-01T01:30:00Z")));

    [Test]
    public async Task IntervalPlusTimestamp_IsATimestamp() =>
        Assert.That(await Scalar("INTERVAL '1 second' + ts"), Is.EqualTo((DataType.Timestamp, "2024-01-01T00:00:01Z")));

    [Test]
    public async Task TimestampMinusTimestamp_IsTheIntervalBetweenThem() =>
        Assert.That(await Scalar("ts - TIMESTAMP '2023-12-31 22:29:58.5'"), Is.EqualTo((DataType.Interval, "01:30:01.5")));

    [Test]
    public async Task NegatedInterval_IsNegative() =>
        Assert.That(await Scalar("-(INTERVAL '2 hours' - INTERVAL '30 minutes')"), Is.EqualTo((DataType.Interval, "-01:30:00")));

    [Test]
    public void TimestampPlusANumber_IsABindErrorAskingForAnInterval()
    {
        var engine = TestEngines.Local(TestTables.SmallTrades());
        var error = Assert.ThrowsAsync<QueryBindException>(() => engine.QueryAsync("SELECT ts + 5 FROM trades"));
        Assert.That(error!.Message, Does.Contain("A TIMESTAMP can only be shifted by an interval"));
    }

    [Test]
    public void ArithmeticOnText_NamesTheOperatorTheSqlWay()
    {
        var engine = TestEngines.Local(TestTables.SmallTrades());
        var error = Assert.ThrowsAsync<QueryBindException>(() => engine.QueryAsync("SELECT symbol * 2 FROM trades"));
        Assert.That(error!.Message, Does.Contain("Operator '*' needs numbers, got VARCHAR and BIGINT"));
    }
}
