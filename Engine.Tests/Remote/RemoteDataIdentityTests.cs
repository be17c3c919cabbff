using System.Net;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Remote.Wire;
using Engine.Schedulers.Remote.Worker;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet.Writing;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Remote;

/// <summary>
/// A worker holding other data than the coordinator planned against answers with a typed data mismatch,
/// never with a short or padded result; the coordinator sends the fragment to a worker that holds the data,
/// and fails naming every worker when none does.
/// </summary>
[NonParallelizable]
public sealed class RemoteDataIdentityTests
{
    private const string Big = "gen:trades:rows=200000:symbols=4";
    private const string Small = "gen:trades:rows=100000:symbols=4";
    private const string Query = "SELECT count(*), max(ts) FROM trades";

    private string _secretFile = string.Empty;

    [OneTimeSetUp]
    public void WriteSecret() => _secretFile = RemoteTestSupport.WriteSecretFile();

    [OneTimeTearDown]
    public void DeleteSecret() => File.Delete(_secretFile);

    [TestCase(Big, Small, "25000 rows here, 50000 planned", TestName = "WorkerWithFewerRows_FailsTheQueryWithADataMismatchNamingTableMismatchAndWorker")]
    [TestCase(Small, Big, "50000 rows here, 25000 planned", TestName = "WorkerWithMoreRows_FailsTheQueryWithADataMismatchNamingTableMismatchAndWorker")]
    public async Task WorkerServingOtherGeneratedData_FailsWithDataMismatch(string coordinatorData, string workerData, string difference)
    {
        using var worker = await WorkerProcess.StartAsync(_secretFile, 2, workerData);
        using var scheduler = RemoteTestSupport.Scheduler([worker.Address], RemoteTestSupport.SecretBytes);

        var error = Assert.ThrowsAsync<DataMismatchException>(() => RemoteTestSupport.Engine(Catalog(coordinatorData), scheduler).QueryAsync(Query));

        Assert.That(error!.Message, Does.Contain("No worker holds the data").And.Contain("table 'trades'").And.Contain("partition 'mem://trades/")
            .And.Contain(worker.Address).And.Contain(difference).And.Contain("version 'gen:trades:rows="));
        Assert.That(error.Table, Is.EqualTo("trades"));
    }

    [Test]
    public async Task EveryWorkerWithOtherData_FailsOnceNamingEveryWorker()
    {
        var starting = new[] { WorkerProcess.StartAsync(_secretFile, 1, Small), WorkerProcess.StartAsync(_secretFile, 1, Small) };
        using var first = await starting[0];
        using var second = await starting[1];
        using var scheduler = RemoteTestSupport.Scheduler([first.Address, second.Address], RemoteTestSupport.SecretBytes, maxAttempts: 5);

        var error = Assert.ThrowsAsync<DataMismatchException>(() => RemoteTestSupport.Engine(Catalog(Big), scheduler).QueryAsync(Query));

        Assert.That(error!.Message, Does.Contain($"({first.Address}): Data mismatch").And.Contain($"({second.Address}): Data mismatch"));
        Assert.That(error.Worker, Does.Contain(first.Address).And.Contain(second.Address));
    }

    [Test]
    public async Task OneWorkerWithOtherData_ItsFragmentsRunOnTheWorkerThatHoldsThePlannedData()
    {
        var starting = new[] { WorkerProcess.StartAsync(_secretFile, 2, Small), WorkerProcess.StartAsync(_secretFile, 2, Big) };
        using var stale = await starting[0];
        using var current = await starting[1];
        var catalog = Catalog(Big);
        using var scheduler = RemoteTestSupport.Scheduler([stale.Address, current.Address], RemoteTestSupport.SecretBytes);

        var result = await RemoteTestSupport.Engine(catalog, scheduler).QueryAsync(Query);

        ResultAssert.Equivalent(await TestEngines.Local(catalog).QueryAsync(Query), result, ordered: false, Query);
        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(200_000));
        Assert.That(result.Statistics.Details, Has.None.Contains($"({stale.Address}), attempt"), "the stale worker completes nothing");
    }

    [Test]
    public async Task WorkerServingAReplacedParquetFile_FailsWithDataMismatchNamingTheFileVersion()
    {
        var coordinatorRoot = Directory.CreateTempSubdirectory("engine-identity-coordinator-").FullName;
        var workerRoot = Directory.CreateTempSubdirectory("engine-identity-worker-").FullName;
        try
        {
            await WriteTradesAsync(coordinatorRoot, seed: 1);
            await WriteTradesAsync(workerRoot, seed: 2);
            using var worker = await WorkerProcess.StartAsync(_secretFile, 1, workerRoot);
            using var scheduler = RemoteTestSupport.Scheduler([worker.Address], RemoteTestSupport.SecretBytes);
            var catalog = await HiveTableCatalog.OpenAsync(new FileSystemObjectStore(coordinatorRoot));

            var error = Assert.ThrowsAsync<DataMismatchException>(() => new QueryExecutor(catalog, catalog, scheduler).QueryAsync(Query));

            Assert.That(error!.Message, Does.Contain("partition 'trades/symbol=S0001/part-0.parquet'").And.Contain("' here, '").And.Contain("' planned")
                .And.Not.Contain("rows here"));
        }
        finally
        {
            Directory.Delete(coordinatorRoot, recursive: true);
            Directory.Delete(workerRoot, recursive: true);
        }
    }

    [TestCase(0L, 501L, "the scan reads rows 0 to 501 but the partition has 500 rows here", TestName = "ScanRangePastThePartitionEnd_IsADataMismatchNotAShortResult")]
    [TestCase(400L, 200L, "the scan reads rows 400 to 600 but the partition has 500 rows here", TestName = "ScanRangeStartingInsideEndingOutside_IsADataMismatch")]
    [TestCase(0L, long.MaxValue, "the scan reads rows 0 to 9223372036854775807 but the partition has 500 rows here", TestName = "ForgedRowCountOfTwoToThe63_FailsFastWithADataMismatch")]
    public async Task ScanOutsideTheWorkersPartition_IsAnsweredWithDataMismatch(long rowStart, long rowCount, string difference)
    {
        var catalog = Catalog("gen:trades:rows=1000:symbols=2");
        var server = new WorkerServer(
            new WorkerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Secret = RemoteTestSupport.SecretBytes, Threads = 1, NodeName = "w1" },
            catalog, catalog, NullLogger.Instance);
        var address = server.Start();
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        using var peer = await AuthenticatedPeer.ConnectAsync(address);
        var fragment = AuthenticatedPeer.Fragment(catalog, "SELECT count(*) FROM trades WHERE symbol = 'S0001'");
        var forged = fragment with { Scans = [fragment.Scans[0] with { RowStart = rowStart, RowCount = rowCount, Expected = null }] };
        var before = GC.GetTotalAllocatedBytes(precise: true);

        await peer.SendAsync(new ExecuteMessage(forged));
        var answer = await AuthenticatedPeer.AnswerAsync(peer, forged.FragmentId);

        Assert.That(answer, Is.EqualTo(new ErrorMessage(ExecuteMessage.FormatQueryId(forged.QueryId), forged.FragmentId, ErrorCode.DataMismatch,
            $"Data mismatch on worker w1: table 'trades' partition 'mem://trades/0': {difference}")));
        Assert.That(GC.GetTotalAllocatedBytes(precise: true) - before, Is.LessThan(16L << 20), "nothing sized by the forged range was allocated");
        await stop.CancelAsync();
        await running;
        await server.DisposeAsync();
    }

    // The same key and row count, other rows: a file replaced on one node.
    private static async Task WriteTradesAsync(string root, ulong seed)
    {
        var partition = new TradesGenerator(new TradesOptions { Rows = 5000, Symbols = 1, Seed = seed }).GeneratePartition(0);
        await ParquetFileWriter.WriteToObjectStoreAsync(new FileSystemObjectStore(root), "trades/symbol=S0001/part-0.parquet", TradesGenerator.Schema, partition.Batches);
    }

    private static InMemoryCatalog Catalog(string spec)
    {
        var catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(catalog, spec);
        return catalog;
    }
}
