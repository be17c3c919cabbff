using Engine.Core.Errors;
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
    private ContractWorkers? _workers;

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
    public async Task StartWorkers() => _workers = await ContractWorkers.StartAsync();

    [OneTimeTearDown]
    public void StopWorkers() => _workers?.Dispose();

    [TestCaseSource(nameof(Queries))]
    public async Task MathQuery_ThroughTwoWorkers_GivesTheLocalAnswer(string sql, bool ordered)
    {
        var local = await TestEngines.Local(_workers!.Catalog, threads: 1).QueryAsync(sql);
        var remote = await _workers!.RemoteEngine().QueryAsync(sql);
        Assert.That(remote.Statistics.Mode, Is.EqualTo(RemoteQueryScheduler.Mode));
        ResultAssert.Equivalent(local, remote, ordered, sql);
    }

    [Test]
    public void DomainErrorOnAWorker_FailsTheQueryWithItsMessage() =>
        Assert.That(async () => await _workers!.RemoteEngine().QueryAsync("SELECT sum(sqrt(price - 100000)) FROM trades"),
            Throws.InstanceOf<EngineException>().With.Message.Contains("cannot take square root of a negative number"));
}
