using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Generators;
using Engine.Schedulers.Remote.Coordinator;
using Engine.Tests.Support;

namespace Engine.Tests.Remote;

/// <summary>
/// The math functions cross the wire by wire name: queries that compute them inside fragments (filters,
/// aggregate arguments, group keys, projected rows) give the local serial answer through two real worker
/// processes, and a domain error raised on a worker fails the query with DuckDB's message.
/// </summary>
[NonParallelizable]
public sealed class RemoteMathFunctionTests
{
    // The coordinator's copy of the workers' data (RemoteSchedulerContractTests.ContractData).
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(() =>
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 60_000, Symbols = 3, BatchRows = 7_000 });
        var start = TradesOptions.DefaultStartMicros;
        CpuGenerator.RegisterCpu(catalog, new CpuOptions { Hosts = 4, StartMicros = start, EndMicros = start + (2 * 86_400_000_000L), BatchRows = 5_000 });
        return catalog;
    });

    private readonly List<WorkerProcess> _workers = [];
    private string _secretFile = string.Empty;
    private RemoteQueryScheduler? _scheduler;

    public static IEnumerable<TestCaseData> Queries()
    {
        (string Sql, bool Ordered)[] queries =
        [
            ("SELECT symbol, sum(round(price, 2)), max(greatest(price, volume)), min(least(price, volume, 50)), sum(abs(price - 100)) FROM trades WHERE sqrt(volume) > 5 GROUP BY symbol", false),
            ("SELECT floor(log10(price)) AS m, mod(volume, 4) AS r, count(*), sum(power(volume, 0.5)), sum(sign(price - 100)) FROM trades GROUP BY m, r", false),
            ("SELECT ts, symbol, trunc(price, 1), ceil(price), exp(volume / 1000), ln(price), cbrt(price - 100), log(2, volume) FROM trades ORDER BY abs(price - 100), ts LIMIT 20", true),
            ("SELECT hostname, count(*) FILTER (WHERE isfinite(usage_user / (usage_system - usage_system))), max(round(greatest(usage_user, usage_idle) * pi(), -1)) FROM cpu GROUP BY hostname", false),
        ];
        foreach (var (sql, ordered) in queries)
        {
            yield return new TestCaseData(sql, ordered).SetName($"{{c}}: {sql}");
        }
    }

    [OneTimeSetUp]
    public async Task StartWorkers()
    {
        _secretFile = RemoteTestSupport.WriteSecretFile();
        var starts = new[]
        {
            WorkerProcess.StartAsync(_secretFile, 2, RemoteSchedulerContractTests.ContractData),
            WorkerProcess.StartAsync(_secretFile, 2, RemoteSchedulerContractTests.ContractData),
        };
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
    }

    [TestCaseSource(nameof(Queries))]
    public async Task MathQuery_ThroughTwoWorkers_GivesTheLocalAnswer(string sql, bool ordered)
    {
        var local = await TestEngines.Local(s_catalog.Value, threads: 1).QueryAsync(sql);
        var remote = await RemoteTestSupport.Engine(s_catalog.Value, _scheduler!).QueryAsync(sql);
        Assert.That(remote.Statistics.Mode, Is.EqualTo(RemoteQueryScheduler.Mode));
        ResultAssert.Equivalent(local, remote, ordered, sql);
    }

    [Test]
    public void DomainErrorOnAWorker_FailsTheQueryWithItsMessage() =>
        Assert.That(async () => await RemoteTestSupport.Engine(s_catalog.Value, _scheduler!).QueryAsync("SELECT sum(sqrt(price - 100000)) FROM trades"),
            Throws.InstanceOf<EngineException>().With.Message.Contains("cannot take square root of a negative number"));
}
