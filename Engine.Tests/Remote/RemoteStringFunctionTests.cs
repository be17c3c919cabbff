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
    private ContractWorkers? _workers;

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
    public async Task StartWorkers() => _workers = await ContractWorkers.StartAsync();

    [OneTimeTearDown]
    public void StopWorkers() => _workers?.Dispose();

    [TestCaseSource(nameof(Queries))]
    public async Task StringQuery_OnTwoWorkers_EqualsLocalSerial(string sql, bool ordered)
    {
        var local = await TestEngines.Local(_workers!.Catalog).QueryAsync(sql);
        var remote = await _workers!.RemoteEngine().QueryAsync(sql);
        Assert.That(remote.Statistics.Mode, Is.EqualTo(RemoteQueryScheduler.Mode));
        ResultAssert.Equivalent(local, remote, ordered, sql);
    }
}
