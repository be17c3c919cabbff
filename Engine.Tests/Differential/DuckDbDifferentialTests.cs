using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Tests.Support;

namespace Engine.Tests.Differential;

/// <summary>
/// The same generated data loaded into DuckDB (via CSV) and into Engine: the benchmark queries Q1–Q6, the
/// TSBS cpu-only shapes that need no join, and 200 random queries over the grammar must return the same
/// rows (doubles within 1e-9 relative). DuckDB runs once for all queries; Engine runs each query with the
/// serial scheduler and with two threads in CHUNKED/PARTITION mode.
/// </summary>
[NonParallelizable]
public class DuckDbDifferentialTests
{
    private const int RandomQueries = 200;
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(DifferentialDataSets.CreateCatalog);
    private static readonly Lazy<IReadOnlyList<DifferentialQuery>> s_queries = new(() =>
        [.. BenchmarkQueries.Create(DifferentialDataSets.Trades),
         .. TsbsQueries.Create(DifferentialDataSets.Cpu),
         .. new RandomQueryGenerator(20261121, DifferentialDataSets.Trades, DifferentialDataSets.Cpu).Generate(RandomQueries)]);

    private IReadOnlyList<DuckDbQueryResult> _expected = [];

    public static IEnumerable<TestCaseData> Queries() =>
        s_queries.Value.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    [OneTimeSetUp]
    public async Task RunDuckDbOnce()
    {
        _expected = await DuckDbOracle.QueryAsync(s_catalog.Value, s_queries.Value);
    }

    [Test]
    public void DuckDb_AcceptsEveryReferenceQuery()
    {
        var errors = _expected.Select((e, i) => (e.Error, s_queries.Value[i].DuckDbSql)).Where(x => x.Error is not null).ToList();
        Assert.That(errors, Is.Empty);
    }

    [TestCaseSource(nameof(Queries))]
    public async Task Query_MatchesDuckDb_Serial(int index) =>
        await AssertMatchesAsync(TestEngines.Local(s_catalog.Value, threads: 1), index);

    [TestCaseSource(nameof(Queries))]
    public async Task Query_MatchesDuckDb_TwoThreads(int index) =>
        await AssertMatchesAsync(TestEngines.Local(s_catalog.Value, threads: 2, serialThresholdRows: 0, chunkRows: 1_500), index);

    private async Task AssertMatchesAsync(QueryExecutor engine, int index)
    {
        var query = s_queries.Value[index];
        var actual = await engine.QueryAsync(query.EngineSql);
        ResultComparer.AssertMatches(actual, _expected[index], query);
    }
}
