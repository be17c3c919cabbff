using Engine.Bench.Queries;
using Engine.Core.Generators;
using Engine.Tests.Support;

namespace Engine.Tests.Remote;

/// <summary>
/// Seeded random queries over the issue-11 SQL (see <see cref="FeatureQueryGenerator"/>) through two real
/// worker processes (<see cref="ContractWorkers"/>) give the rows the local scheduler gives on the same
/// generated data: every function, aggregate state and pipeline of them crosses the wire and merges.
/// </summary>
[NonParallelizable]
public sealed class RemoteFeatureQueryTests
{
    private const int RandomQueries = 300;
    private static readonly Lazy<IReadOnlyList<DifferentialQuery>> s_queries = new(() => new FeatureQueryGenerator(
        20261205,
        new TradesOptions { Rows = 60_000, Symbols = 3, BatchRows = 7_000 },
        new CpuOptions { Hosts = 4, StartMicros = TradesOptions.DefaultStartMicros, EndMicros = TradesOptions.DefaultStartMicros + (48 * 3_600_000_000L) },
        Differential.FeatureRandomDifferentialTests.Families).Generate(RandomQueries));

    private ContractWorkers? _workers;

    public static IEnumerable<TestCaseData> Queries() =>
        s_queries.Value.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    [OneTimeSetUp]
    public async Task StartWorkers() => _workers = await ContractWorkers.StartAsync();

    [OneTimeTearDown]
    public void StopWorkers() => _workers?.Dispose();

    [TestCaseSource(nameof(Queries))]
    public async Task TwoWorkers_MatchLocal(int index)
    {
        var query = s_queries.Value[index];
        var expected = await TestEngines.Local(_workers!.Catalog).QueryAsync(query.EngineSql);
        var actual = await _workers!.RemoteEngine().QueryAsync(query.EngineSql);
        ResultAssert.Equivalent(expected, actual, query.Ordered, query.EngineSql);
    }
}
