using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.Datasets;
using Engine.Storage.ObjectStores;
using Engine.Tests.Support;

namespace Engine.Tests.Storage.S3;

/// <summary>Queries over Hive-partitioned Parquet in S3 (s3rver on loopback) equal the same data in memory, under faults too.</summary>
[NonParallelizable]
public sealed class S3QueryTests
{
    private static readonly TradesOptions s_trades = new() { Rows = 24_000, Symbols = 6, BatchRows = 2_000 };
    private static readonly CpuOptions s_cpu = new() { Hosts = 2, StartMicros = TradesOptions.DefaultStartMicros, EndMicros = TradesOptions.DefaultStartMicros + (26 * TimestampMicros.PerHour) };
    private S3TestServer _server = null!;
    private Engine.Storage.ObjectStores.S3StorageOptions _options = null!;
    private InMemoryCatalog _memory = null!;

    [OneTimeSetUp]
    public async Task UploadDataset()
    {
        _server = await S3TestServer.SharedAsync();
        _options = _server.CreateOptions();
        using var uploader = new S3ObjectStore(_options);
        await GeneratedDatasetWriter.WriteTradesAsync(uploader, s_trades);
        await GeneratedDatasetWriter.WriteCpuAsync(uploader, s_cpu);
        _memory = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(_memory, s_trades);
        CpuGenerator.RegisterCpu(_memory, s_cpu);
    }

    private static QueryExecutor Engine(HiveTableCatalog catalog, int threads = 2) =>
        new(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = threads, SerialThresholdRows = 0, ChunkRows = 1_000 }));

    [TestCase("SELECT symbol, sum(volume), count(*), first(price), last(price), vwap(price, volume) FROM trades GROUP BY symbol", false)]
    [TestCase("SELECT symbol, time_bucket('1 minute', ts) AS m, first(price), max(price), min(price), last(price), sum(volume) FROM trades GROUP BY symbol, m", false)]
    [TestCase("SELECT hostname, time_bucket('1h', time) AS h, max(usage_user) FROM cpu WHERE usage_user > 50 GROUP BY hostname, h", false)]
    [TestCase("SELECT ts, symbol, price FROM trades WHERE symbol IN ('S0002', 'S0005') ORDER BY price DESC, ts LIMIT 25", true)]
    public async Task QueryOverS3_EqualsTheSameQueryInMemory(string sql, bool ordered)
    {
        using var store = new S3ObjectStore(_options);
        var catalog = await HiveTableCatalog.OpenAsync(store);
        var expected = await TestEngines.Local(_memory).QueryAsync(sql);
        ResultAssert.Equivalent(expected, await Engine(catalog).QueryAsync(sql), ordered, sql);
    }

    [Test]
    public async Task QueryOnlyOnPathKeys_FetchesNoData()
    {
        using var store = new S3ObjectStore(_options);
        var catalog = await HiveTableCatalog.OpenAsync(store);
        var result = await Engine(catalog).QueryAsync("SELECT symbol, count(*) FROM trades GROUP BY symbol");
        Assert.That(result.RowCount, Is.EqualTo(s_trades.Symbols));
        Assert.That(result.Statistics.Storage!.GetRequests, Is.Zero, "row counts come from footers and keys from paths");
    }

    [Test]
    public async Task QueryOverS3_ReportsItsRequestsAndStaysWithinTheRequestBudget()
    {
        using var store = new S3ObjectStore(_options);
        var catalog = await HiveTableCatalog.OpenAsync(store);
        var listsAtDiscovery = store.Statistics.ListRequests;
        var result = await Engine(catalog).QueryAsync("SELECT symbol, sum(volume) FROM trades GROUP BY symbol");
        var storage = result.Statistics.Storage!;
        var files = s_trades.Symbols;

        Assert.That(listsAtDiscovery, Is.GreaterThanOrEqualTo(1));
        Assert.That(storage.ListRequests, Is.Zero, "a warm catalog never lists per query");
        Assert.That(storage.GetRequests, Is.GreaterThanOrEqualTo(files));
        Assert.That(storage.GetRequests, Is.LessThanOrEqualTo(files * (1 + 1)), "files x (1 + column chunks needed per row group)");
        Assert.That(storage.BytesRead, Is.GreaterThan(0));
    }

    [Test]
    public async Task ExplainAnalyzeOverS3_ShowsTheStorageLine()
    {
        using var store = new S3ObjectStore(_options);
        var catalog = await HiveTableCatalog.OpenAsync(store);
        var text = await Engine(catalog).ExplainAnalyzeAsync("SELECT sum(volume) FROM trades WHERE symbol = 'S0001'");
        Assert.That(text, Does.Match(@"Storage: [1-9]\d* GET, 0 HEAD, 0 LIST, [\d,]+ bytes, 0 retries; waited [\d.]+ ms for data"));
    }

    [Test]
    public async Task TwentyPercentOf503s_GiveTheSameAnswerWithRetriesCounted()
    {
        using var store = S3FaultInjectionTests.Create(_options, (n, _) => n % 5 == 0 ? S3Fault.ServiceUnavailable : S3Fault.None, out var handler);
        var catalog = await HiveTableCatalog.OpenAsync(store);
        const string Sql = "SELECT symbol, count(*), sum(volume), min(price), max(price) FROM trades GROUP BY symbol";
        var result = await Engine(catalog).QueryAsync(Sql);
        ResultAssert.Equivalent(await TestEngines.Local(_memory).QueryAsync(Sql), result, ordered: false, Sql);
        Assert.That(handler().InjectedFaults, Is.GreaterThan(0));
        Assert.That(store.Statistics.Retries, Is.EqualTo(handler().InjectedFaults));
    }

    [Test]
    public async Task MissingObject_FailsTheQueryNamingTheKey()
    {
        var options = _server.CreateOptions();
        using (var uploader = new S3ObjectStore(options))
        {
            await GeneratedDatasetWriter.WriteTradesAsync(uploader, new TradesOptions { Rows = 100, Symbols = 2 });
        }

        using var store = new S3ObjectStore(options);
        var catalog = await HiveTableCatalog.OpenAsync(store);
        using (var deleter = new Amazon.S3.AmazonS3Client(options.AccessKeyId, options.SecretAccessKey, new Amazon.S3.AmazonS3Config { ServiceURL = options.ServiceUrl, ForcePathStyle = true }))
        {
            await deleter.DeleteObjectAsync(options.Bucket, options.Prefix + "trades/symbol=S0002/part-0.parquet");
        }

        var error = Assert.ThrowsAsync<Engine.Core.Errors.StorageException>(() => Engine(catalog, threads: 1).QueryAsync("SELECT sum(volume) FROM trades"));
        Assert.That(error!.Message, Does.Contain("trades/symbol=S0002/part-0.parquet").And.Contain("404"));
    }

    [Test]
    public async Task CancelledScan_LeavesNoRequestInFlight()
    {
        var stall = false;
        using var store = S3FaultInjectionTests.Create(_options, (_, _) => Volatile.Read(ref stall) ? S3Fault.StallBody : S3Fault.None, out var handler);
        var catalog = await HiveTableCatalog.OpenAsync(store);
        Volatile.Write(ref stall, true);
        using var cancellation = new CancellationTokenSource();
        var query = Engine(catalog).QueryAsync("SELECT sum(volume) FROM trades", cancellation.Token);

        await handler().Stalled.WaitAsync(TimeSpan.FromMinutes(1));
        await cancellation.CancelAsync();

        Assert.That(async () => await query, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(handler().InFlight, Is.Zero);
    }

    [Test]
    public async Task ConcurrencyLimit_CapsRequestsInFlightAcrossAQuery()
    {
        using var limit = new RequestConcurrencyLimit(2);
        var options = _server.CreateOptions(_options.Prefix);
        options.ConcurrencyLimit = limit;
        MaxInFlightHandler? handler = null;
        using var store = new S3ObjectStore(options, inner => handler = new MaxInFlightHandler(inner));
        var catalog = await HiveTableCatalog.OpenAsync(store);
        var engine = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 2, FragmentsInFlight = 8 }));
        var result = await engine.QueryAsync("SELECT symbol, sum(volume) FROM trades GROUP BY symbol");
        Assert.That(result.RowCount, Is.EqualTo(s_trades.Symbols));
        Assert.That(handler!.MaxInFlight, Is.InRange(1, 2));
    }

    private sealed class MaxInFlightHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _inFlight;
        private int _max;

        public int MaxInFlight => Volatile.Read(ref _max);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while ((seen = Volatile.Read(ref _max)) < now && Interlocked.CompareExchange(ref _max, now, seen) != seen)
            {
            }

            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
