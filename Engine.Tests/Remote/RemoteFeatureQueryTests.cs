using Engine.Bench.Queries;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Remote.Coordinator;
using Engine.Tests.Support;

namespace Engine.Tests.Remote;

/// <summary>
/// Seeded random queries over the issue-11 SQL (see <see cref="FeatureQueryGenerator"/>) through two real
/// worker processes give the rows the local scheduler gives on the same generated data: every function,
/// aggregate state and pipeline of them crosses the wire and merges.
/// </summary>
[NonParallelizable]
public sealed class RemoteFeatureQueryTests
{
    private const int RandomQueries = 300;
    private static readonly string[] s_data = ["gen:trades:rows=60000:symbols=3:batch=7000", "gen:cpu:hosts=4:hours=48:batch=5000"];
    private static readonly Lazy<IReadOnlyList<DifferentialQuery>> s_queries = new(() => new FeatureQueryGenerator(
        20261205,
        new TradesOptions { Rows = 60_000, Symbols = 3, BatchRows = 7_000 },
        new CpuOptions { Hosts = 4, StartMicros = TradesOptions.DefaultStartMicros, EndMicros = TradesOptions.DefaultStartMicros + (48 * 3_600_000_000L) },
        Differential.FeatureRandomDifferentialTests.Families).Generate(RandomQueries));

    private readonly List<WorkerProcess> _workers = [];
    private InMemoryCatalog _catalog = new();
    private string _secretFile = string.Empty;
    private RemoteQueryScheduler? _scheduler;

    public static IEnumerable<TestCaseData> Queries() =>
        s_queries.Value.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    [OneTimeSetUp]
    public async Task StartWorkers()
    {
        foreach (var spec in s_data)
        {
            GeneratedDataSpec.Register(_catalog, spec);
        }

        _secretFile = RemoteTestSupport.WriteSecretFile();
        var starts = new[] { WorkerProcess.StartAsync(_secretFile, 2, s_data), WorkerProcess.StartAsync(_secretFile, 2, s_data) };
        foreach (var start in starts)
        {
            _workers.Add(await start);
        }

        _scheduler = RemoteTestSupport.Scheduler(_workers.Select(w => w.Address), RemoteTestSupport.SecretBytes);
    }

    [OneTimeTearDown]
    public void StopWorkers()
    {
        _scheduler?.Dispose();
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        File.Delete(_secretFile);
        _catalog = new InMemoryCatalog();
    }

    [TestCaseSource(nameof(Queries))]
    public async Task TwoWorkers_MatchLocal(int index)
    {
        var query = s_queries.Value[index];
        var expected = await TestEngines.Local(_catalog).QueryAsync(query.EngineSql);
        var actual = await RemoteTestSupport.Engine(_catalog, _scheduler!).QueryAsync(query.EngineSql);
        ResultAssert.Equivalent(expected, actual, query.Ordered, query.EngineSql);
    }
}
