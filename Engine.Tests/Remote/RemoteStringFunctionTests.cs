using Engine.Core.Catalog;
using Engine.Core.Generators;
using Engine.Schedulers.Remote.Coordinator;
using Engine.Tests.Support;

namespace Engine.Tests.Remote;

/// <summary>
/// String functions and LIKE through two real worker processes: each call crosses the wire by its wire name
/// and is bound again on the worker (patterns compiled there), and the answers equal the local serial ones.
/// </summary>
[NonParallelizable]
public sealed class RemoteStringFunctionTests
{
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
            ("SELECT symbol, count(*) FROM trades WHERE symbol LIKE 'S000%' GROUP BY symbol", false),
            ("SELECT count(*) FROM trades WHERE symbol NOT ILIKE '%s0002' AND volume > 100", true),
            ("SELECT lower(symbol) || ':' || (volume % 2) AS k, sum(volume) FROM trades GROUP BY k", false),
            ("SELECT right(symbol, 1) AS d, count(*) FILTER (WHERE symbol LIKE '%1'), max(price) FROM trades GROUP BY d", false),
            ("SELECT hostname, count(*) FROM cpu WHERE hostname LIKE 'host!_%' ESCAPE '!' AND regexp_matches(hostname, '[13]$') GROUP BY hostname", false),
            ("SELECT split_part(hostname, '_', 2) AS n, length(hostname), lpad(hostname, 8, '-') FROM cpu GROUP BY ALL", false),
            ("SELECT ts, concat(symbol, '/', volume), substr(symbol, -2), replace(symbol, '0', '') FROM trades WHERE starts_with(symbol, 'S') ORDER BY ts, symbol LIMIT 20", true),
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
    public async Task StringQuery_OnTwoWorkers_EqualsLocalSerial(string sql, bool ordered)
    {
        var local = await TestEngines.Local(s_catalog.Value).QueryAsync(sql);
        var remote = await RemoteTestSupport.Engine(s_catalog.Value, _scheduler!).QueryAsync(sql);
        Assert.That(remote.Statistics.Mode, Is.EqualTo(RemoteQueryScheduler.Mode));
        ResultAssert.Equivalent(local, remote, ordered, sql);
    }
}
