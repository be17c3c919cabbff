using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Local;
using Engine.Tests.Support;

namespace Engine.Tests.Schedulers;

/// <summary>
/// The scheduler contract: every mode returns the same answer as SERIAL for the same queries. Each
/// derived fixture is one scheduler configuration; the queries cover every aggregate, grouping, filters,
/// HAVING, ORDER BY / LIMIT and row queries with top-N pushdown.
/// </summary>
public abstract class SchedulerContractTests
{
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(() =>
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 60_000, Symbols = 3, BatchRows = 7_000 });
        var start = TradesOptions.DefaultStartMicros;
        CpuGenerator.RegisterCpu(catalog, new CpuOptions { Hosts = 4, StartMicros = start, EndMicros = start + (2 * 86_400_000_000L), BatchRows = 5_000 });

        // Skewed (local fixtures only; remote workers do not hold it): the first symbol keeps all its 20,000
        // rows, the others only their first 7,000, so one partition is above a thread's share on 2 threads
        // and PARTITION mode splits it.
        var skewed = new TradesGenerator(new TradesOptions { Rows = 60_000, Symbols = 3, BatchRows = 7_000 }).GeneratePartitions()
            .Select((p, i) => (p.KeyValues, i == 0 ? p.Batches : (IReadOnlyList<ColumnBatch>)[p.Batches[0]]))
            .ToList();
        catalog.Register("skewed", TradesGenerator.Schema, skewed, TradesGenerator.TimeColumn);
        return catalog;
    });

    /// <summary>The catalog every query of the suite runs on.</summary>
    protected static InMemoryCatalog Catalog => s_catalog.Value;

    public static IEnumerable<TestCaseData> Queries()
    {
        (string Sql, bool Ordered)[] queries =
        [
            ("SELECT symbol, sum(volume) FROM trades GROUP BY symbol", false),
            ("SELECT count(*), sum(volume), min(price), max(price), avg(price) FROM trades WHERE symbol = 'S0001'", true),
            ("SELECT symbol, time_bucket('1 minute', ts) AS minute, first(price), max(price), min(price), last(price), sum(volume) FROM trades GROUP BY symbol, minute", false),
            ("SELECT symbol, vwap(price, volume) FROM trades WHERE ts >= '2024-01-01 00:10:00' AND ts < '2024-01-01 00:40:00' GROUP BY symbol", false),
            ("SELECT symbol, last(price) FROM trades GROUP BY symbol", false),
            ("SELECT symbol, time_bucket('1h', ts) AS hour, stddev_pop(price), count(*) FROM trades GROUP BY symbol, hour", false),
            ("SELECT symbol, var_samp(price), stddev_samp(price), var_pop(price), count(DISTINCT volume) FROM trades GROUP BY symbol", false),
            ("SELECT volume % 7 AS bucket, count(*), avg(price) FROM trades GROUP BY bucket HAVING count(*) > 100 ORDER BY bucket", true),
            ("SELECT ts, symbol, price FROM trades WHERE price > 100 ORDER BY price DESC, ts LIMIT 17", true),
            ("SELECT * FROM trades WHERE symbol IN ('S0002', 'S0003') AND volume BETWEEN 10 AND 20 ORDER BY ts, symbol LIMIT 50", true),
            ("SELECT count(*) FROM trades WHERE symbol = 'NOPE'", true),
            ("SELECT hostname, time_bucket('5m', time) AS t, max(usage_user) FROM cpu WHERE usage_user > 90 GROUP BY hostname, t", false),
            ("SELECT region, avg(usage_idle), first(usage_system), last(usage_system) FROM cpu GROUP BY region ORDER BY region", true),
            ("SELECT symbol, median(price), quantile_cont(price, 0.9), quantile_disc(volume, -0.25), mode(volume), approx_count_distinct(price), approx_quantile(price, 0.5), approx_quantile(volume, 0.99) FROM trades GROUP BY symbol", false),
            ("SELECT symbol, covar_pop(price, volume), covar_samp(price, volume), corr(price, volume), regr_slope(price, volume), regr_intercept(price, volume), regr_r2(price, volume), regr_count(price, volume), product(1 + (volume / 1000000.0)) FROM trades GROUP BY symbol", false),
            ("SELECT median(ts), quantile_disc(symbol, 0.5), approx_count_distinct(symbol), mode(symbol), median(DISTINCT volume) FILTER (WHERE price > 100) FROM trades", true),
        ];
        foreach (var (sql, ordered) in queries)
        {
            yield return new TestCaseData(sql, ordered).SetName($"{{c}}: {sql}");
        }
    }

    /// <summary>The scheduler configuration under test.</summary>
    protected abstract QueryExecutor CreateEngine(InMemoryCatalog catalog);

    /// <summary>The mode this configuration must select for full-table queries.</summary>
    protected abstract string ExpectedMode { get; }

    [TestCaseSource(nameof(Queries))]
    public async Task Query_GivesTheSameAnswerAsSerial(string sql, bool ordered)
    {
        var serial = await TestEngines.Local(s_catalog.Value, threads: 1).QueryAsync(sql);
        var actual = await CreateEngine(s_catalog.Value).QueryAsync(sql);
        ResultAssert.Equivalent(serial, actual, ordered, sql);
    }

    [Test]
    public async Task FullScan_RunsInTheExpectedMode()
    {
        var result = await CreateEngine(s_catalog.Value).QueryAsync("SELECT count(*) FROM trades");
        Assert.That(result.Statistics.Mode, Is.EqualTo(ExpectedMode));
        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(60_000));
    }
}

public sealed class SerialSchedulerContractTests : SchedulerContractTests
{
    protected override string ExpectedMode => LocalModes.Serial;

    protected override QueryExecutor CreateEngine(InMemoryCatalog catalog) => TestEngines.Local(catalog, threads: 1);
}

public sealed class PartitionSchedulerContractTests : SchedulerContractTests
{
    protected override string ExpectedMode => LocalModes.Partition;

    protected override QueryExecutor CreateEngine(InMemoryCatalog catalog) => TestEngines.Local(catalog, threads: 2, serialThresholdRows: 0);
}

public sealed class PartitionSplitSchedulerContractTests : SchedulerContractTests
{
    protected override string ExpectedMode => LocalModes.Partition;

    // The skewed table's large partition is cut into tasks of at most 1,000 rows, stolen between the workers.
    protected override QueryExecutor CreateEngine(InMemoryCatalog catalog) => TestEngines.Local(catalog, threads: 2, serialThresholdRows: 0, chunkRows: 1_000);

    public static IEnumerable<TestCaseData> SkewedQueries()
    {
        yield return new TestCaseData("SELECT symbol, count(*), sum(volume), first(price), last(price), stddev_samp(price) FROM skewed GROUP BY symbol", false);
        yield return new TestCaseData("SELECT symbol, time_bucket('1 minute', ts) AS minute, max(price), last(price) FROM skewed GROUP BY symbol, minute", false);
        yield return new TestCaseData("SELECT ts, symbol, price FROM skewed WHERE volume > 5 ORDER BY price DESC, ts LIMIT 13", true);
    }

    [TestCaseSource(nameof(SkewedQueries))]
    public async Task SkewedQuery_GivesTheSameAnswerAsSerial(string sql, bool ordered)
    {
        var serial = await TestEngines.Local(Catalog, threads: 1).QueryAsync(sql);
        var actual = await CreateEngine(Catalog).QueryAsync(sql);
        Assert.That(actual.Statistics.ModeReason, Does.Contain("split into tasks of 1,000 rows"));
        ResultAssert.Equivalent(serial, actual, ordered, sql);
    }

    [Test]
    public async Task SkewedTable_SplitsTheLargePartitionAndSaysSo()
    {
        var result = await CreateEngine(Catalog).QueryAsync("SELECT count(*) FROM skewed");
        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(34_000));
        Assert.That(result.Statistics.ModeReason, Is.EqualTo("3 fragments for 2 threads: 1 above 17,000 rows (a thread's share) split into tasks of 1,000 rows, 22 tasks"));
    }
}

public sealed class PartitionPoolSchedulerContractTests : SchedulerContractTests
{
    protected override string ExpectedMode => LocalModes.Partition;

    protected override QueryExecutor CreateEngine(InMemoryCatalog catalog) =>
        TestEngines.Local(catalog, threads: 2, serialThresholdRows: 0, chunkRows: 1_000, workerThreads: LocalWorkerThreads.Pool);
}

public sealed class ChunkedPoolSchedulerContractTests : SchedulerContractTests
{
    protected override string ExpectedMode => LocalModes.Chunked;

    protected override QueryExecutor CreateEngine(InMemoryCatalog catalog) =>
        TestEngines.Local(catalog, threads: 4, serialThresholdRows: 0, chunkRows: 4_096, workerThreads: LocalWorkerThreads.Pool);
}

public sealed class ChunkedSchedulerContractTests : SchedulerContractTests
{
    protected override string ExpectedMode => LocalModes.Chunked;

    protected override QueryExecutor CreateEngine(InMemoryCatalog catalog) => TestEngines.Local(catalog, threads: 4, serialThresholdRows: 0, chunkRows: 4_096);
}

public sealed class ChunkedSmallestChunkSchedulerContractTests : SchedulerContractTests
{
    protected override string ExpectedMode => LocalModes.Chunked;

    protected override QueryExecutor CreateEngine(InMemoryCatalog catalog) => TestEngines.Local(catalog, threads: 4, serialThresholdRows: 0, chunkRows: 1);
}
