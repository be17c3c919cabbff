using Engine.Tests.Support;

namespace Engine.Tests.Execution;

public class QueryExecutorSmokeTests
{
    [Test]
    public async Task SumByGroup_OverThreePartitions_MatchesHandComputedValues()
    {
        var engine = TestEngines.Local(TestTables.SmallTrades());
        var result = await engine.QueryAsync("SELECT symbol, sum(volume) AS v, count(price) FROM trades GROUP BY symbol ORDER BY symbol");
        var rows = result.Rows().Select(r => string.Join("|", r.Select(v => v.ToString()))).ToArray();
        Assert.That(rows, Is.EqualTo(new[] { "A|1000|4", "B|60|3", "C|12|1" }));
    }
}
