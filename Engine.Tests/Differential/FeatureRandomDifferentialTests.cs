using Engine.Bench.Queries;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Tests.Support;

namespace Engine.Tests.Differential;

/// <summary>
/// Seeded random queries over the SQL of issue 11 (see <see cref="FeatureQueryGenerator"/>) against DuckDB on
/// the differential data sets. DuckDB runs once for all of them; Engine runs each serially and on two
/// threads with small chunks (so every aggregate state merges), and must give DuckDB's rows (doubles within
/// 1e-9 relative).
/// </summary>
[NonParallelizable]
public sealed class FeatureRandomDifferentialTests
{
    /// <summary>How many random queries run against DuckDB.</summary>
    public const int RandomQueries = 2_000;

    /// <summary>The families the generator draws on: every function family Engine has.</summary>
    public const FeatureFamilies Families = FeatureFamilies.All;

    private static readonly Lazy<InMemoryCatalog> s_catalog = new(DifferentialDataSets.CreateCatalog);
    private static readonly Lazy<IReadOnlyList<DifferentialQuery>> s_queries = new(() =>
        new FeatureQueryGenerator(20261204, DifferentialDataSets.Trades, DifferentialDataSets.Cpu, Families).Generate(RandomQueries));

    private IReadOnlyList<DuckDbQueryResult> _expected = [];

    public static IEnumerable<TestCaseData> Queries() =>
        s_queries.Value.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    [OneTimeSetUp]
    public async Task RunDuckDbOnce() => _expected = await DuckDbOracle.QueryAsync(s_catalog.Value, s_queries.Value.Select(q => q.DuckDbSql).ToList());

    [Test]
    public void DuckDb_AcceptsEveryGeneratedQuery()
    {
        var errors = _expected.Select((e, i) => (e.Error, s_queries.Value[i].DuckDbSql)).Where(x => x.Error is not null).ToList();
        Assert.That(errors, Is.Empty);
    }

    [TestCaseSource(nameof(Queries))]
    public async Task Serial_MatchesDuckDb(int index) => await AssertMatchesAsync(TestEngines.Local(s_catalog.Value), index);

    [TestCaseSource(nameof(Queries))]
    public async Task TwoThreadsWithSmallChunks_MatchesDuckDb(int index) =>
        await AssertMatchesAsync(TestEngines.Local(s_catalog.Value, threads: 2, serialThresholdRows: 0, chunkRows: 777), index);

    private async Task AssertMatchesAsync(QueryExecutor engine, int index)
    {
        var query = s_queries.Value[index];
        ResultComparer.AssertMatches(await engine.QueryAsync(query.EngineSql), _expected[index], query);
    }
}
