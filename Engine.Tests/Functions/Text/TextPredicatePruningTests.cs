using Engine.Core.Catalog;
using Engine.Core.Generators;
using Engine.Tests.Support;

namespace Engine.Tests.Functions.Text;

/// <summary>
/// A text predicate over a partition key (trades are partitioned by symbol) is decided once per partition:
/// partitions whose key cannot match are not scanned, and the answers are those of the unpruned query.
/// </summary>
public sealed class TextPredicatePruningTests
{
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(() =>
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 12_000, Symbols = 12, BatchRows = 500 });
        return catalog;
    });

    [TestCase("symbol LIKE 'S000%'", 9)]
    [TestCase("symbol NOT LIKE 'S000%'", 3)]
    [TestCase("starts_with(symbol, 'S001')", 3)]
    [TestCase("symbol ILIKE 's0012'", 1)]
    [TestCase("regexp_matches(symbol, '[13]$')", 3)]
    [TestCase("symbol LIKE 'S0001' OR symbol LIKE 'S0002'", 2)]
    [TestCase("volume > 10 AND ends_with(symbol, '5')", 1)]
    public async Task TextPredicateOnThePartitionKey_ScansOnlyPartitionsThatCanMatch(string predicate, int partitions)
    {
        var result = await TestEngines.Local(s_catalog.Value).QueryAsync($"SELECT count(*), sum(volume) FROM trades WHERE {predicate}");
        Assert.That(result.Statistics.PartitionsScanned, Is.EqualTo(partitions));
    }

    [TestCase("symbol LIKE 'S000%'")]
    [TestCase("symbol NOT ILIKE '%1%'")]
    [TestCase("volume > 500 AND contains(symbol, '1')")]
    public async Task PrunedAndWholeMorselAnswers_EqualTheRowByRowAnswer(string predicate)
    {
        var engine = TestEngines.Local(s_catalog.Value);
        var pruned = await engine.QueryAsync($"SELECT symbol, count(*), sum(volume) FROM trades WHERE {predicate} GROUP BY symbol");

        // CASE hides the predicate from pruning and morsel checks, so every row is evaluated.
        var rowByRow = await engine.QueryAsync($"SELECT symbol, count(*), sum(volume) FROM trades WHERE CASE WHEN {predicate} THEN true ELSE false END GROUP BY symbol");
        ResultAssert.Equivalent(rowByRow, pruned, ordered: false, predicate);
    }
}
