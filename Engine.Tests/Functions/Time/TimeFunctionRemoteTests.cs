using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Tests.Remote;
using Engine.Tests.Support;

namespace Engine.Tests.Functions.Time;

/// <summary>
/// The time functions cross the wire: each call is sent by wire name with its constant arguments and bound
/// again on the worker, so the same queries through two remote workers give the local answers.
/// </summary>
[NonParallelizable]
public sealed class TimeFunctionRemoteTests
{
    private const string Data = "gen:trades:rows=6000:symbols=4";

    private static readonly string[] s_queries =
    [
        "SELECT date_trunc('minute', ts) AS m, count(*), max(price) FROM trades GROUP BY m ORDER BY m",
        "SELECT extract(minute FROM ts) AS m, second(ts) % 10 AS s, count(*) FROM trades GROUP BY m, s ORDER BY m, s",
        "SELECT strftime(ts, '%H:%M') AS label, sum(volume) FROM trades GROUP BY label ORDER BY label",
        "SELECT time_bucket(INTERVAL '5 minutes', ts, INTERVAL '2 minutes') AS b, count(*) FROM trades GROUP BY b ORDER BY b",
        "SELECT time_bucket(INTERVAL '5 minutes', ts, TIMESTAMP '2023-12-31 23:58:30') AS b, count(*) FROM trades GROUP BY b ORDER BY b",
        "SELECT symbol, sum(epoch_ms(ts)), min(epoch(ts)), max(epoch_ns(ts)) FROM trades GROUP BY symbol ORDER BY symbol",
        "SELECT count(*) FROM trades WHERE strptime(strftime(ts, '%Y%m%d%H%M%S'), '%Y%m%d%H%M%S') = date_trunc('second', ts)",
        "SELECT symbol, max(epoch(ts - TIMESTAMP '2024-01-01') / 60), sum(epoch(INTERVAL '1 second' * volume / 4)) FROM trades GROUP BY symbol ORDER BY symbol",
        "SELECT ts, make_timestamp(year(ts), month(ts), day(ts), hour(ts), minute(ts), 0) FROM trades ORDER BY ts DESC LIMIT 5",
    ];

    private static IEnumerable<TestCaseData> Queries() => s_queries.Select((q, i) => new TestCaseData(i).SetName($"Remote: {q}"));

    [TestCaseSource(nameof(Queries))]
    public async Task TwoRemoteWorkers_GiveTheLocalAnswer(int index)
    {
        var sql = s_queries[index];
        var catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(catalog, Data);
        await using var workers = InProcessWorkers.Start(2, Data);
        using var scheduler = RemoteTestSupport.Scheduler(workers.Addresses, RemoteTestSupport.SecretBytes);

        var remote = await new QueryExecutor(catalog, catalog, scheduler).QueryAsync(sql);
        var local = await TestEngines.Local(catalog).QueryAsync(sql);

        Assert.That(remote.Statistics.SchedulerKind, Is.EqualTo("remote"));
        Assert.That(remote.Rows().Select(r => string.Join("|", r)), Is.EqualTo(local.Rows().Select(r => string.Join("|", r))));
    }
}
