using Engine.Tests.Support;

namespace Engine.Tests.Execution;

/// <summary>EXPLAIN as a statement: the plan as rows, with statistics that say what actually ran.</summary>
[TestFixture]
public sealed class ExplainStatementTests
{
    [Test]
    public async Task Explain_RunsNothing()
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync("EXPLAIN SELECT sum(volume) FROM trades");

        Assert.That(result.Statistics.Mode, Is.EqualTo("EXPLAIN"));
        Assert.That(result.Statistics.RowsScanned, Is.Zero);
        Assert.That(result.Rows().Select(r => r[0].StringValue), Has.Some.StartsWith("Table: trades"));
    }

    [Test]
    public async Task ExplainAnalyze_ReportsTheStatisticsOfItsRun()
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync("EXPLAIN ANALYZE SELECT sum(volume) FROM trades");

        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(9));
        Assert.That(result.Statistics.Mode, Is.Not.EqualTo("EXPLAIN"));
        Assert.That(result.Rows().Select(r => r[0].StringValue), Has.Some.StartsWith("Rows scanned: 9"));
        Assert.That(result.Rows().Select(r => r[0].StringValue), Has.Some.Contains("(gather and final stage "));
        Assert.That(result.Statistics.GatherElapsed, Is.LessThanOrEqualTo(result.Statistics.Elapsed));
    }
}
