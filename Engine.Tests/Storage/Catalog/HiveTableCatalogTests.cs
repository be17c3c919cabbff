using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.Datasets;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet.Writing;
using Engine.Tests.Support;

namespace Engine.Tests.Storage.Catalog;

/// <summary>Tables read from Hive-partitioned Parquet give the same answers as the same data in memory.</summary>
public class HiveTableCatalogTests
{
    private static readonly TradesOptions s_trades = new() { Rows = 30_000, Symbols = 3, BatchRows = 4_000 };
    private static readonly CpuOptions s_cpu = new() { Hosts = 2, StartMicros = TradesOptions.DefaultStartMicros, EndMicros = TradesOptions.DefaultStartMicros + (30 * TimestampMicros.PerHour) };
    private string _root = string.Empty;
    private HiveTableCatalog _catalog = null!;

    [OneTimeSetUp]
    public async Task WriteDataset()
    {
        _root = Path.Combine(Path.GetTempPath(), "engine-hive-" + Guid.NewGuid().ToString("N"));
        var store = new FileSystemObjectStore(_root);
        await GeneratedDatasetWriter.WriteTradesAsync(store, s_trades);
        await GeneratedDatasetWriter.WriteCpuAsync(store, s_cpu);
        _catalog = await HiveTableCatalog.OpenAsync(new FileSystemObjectStore(_root));
    }

    [OneTimeTearDown]
    public void DeleteDataset() => Directory.Delete(_root, recursive: true);

    private QueryExecutor Engine(int threads = 1, long chunkRows = 256 * 1024) =>
        new(_catalog, _catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = threads, SerialThresholdRows = 0, ChunkRows = chunkRows }));

    [Test]
    public void Discovery_FindsTablesWithPathKeysAsTypedColumns()
    {
        Assert.That(_catalog.TableNames, Is.EqualTo(new[] { "cpu", "trades" }));
        Assert.That(_catalog.TryGetTable("trades", out var trades), Is.True);
        Assert.That(trades!.Partitions, Has.Count.EqualTo(3));
        Assert.That(trades.Schema.Fields.Select(f => (f.Name, f.Type)), Is.EquivalentTo(TradesGenerator.Schema.Fields.Select(f => (f.Name, f.Type))));
        Assert.That(trades.TimeColumn, Is.EqualTo("ts"));
        Assert.That(_catalog.TryGetTable("cpu", out var cpu), Is.True);
        Assert.That(cpu!.Schema[cpu.Schema.IndexOf("date")].Type, Is.EqualTo(DataType.Timestamp));
        Assert.That(cpu.Partitions, Has.Count.EqualTo(4), "2 hosts x 2 days");
    }

    [TestCase("SELECT symbol, sum(volume), count(*), min(price), max(price), first(price), last(price) FROM trades GROUP BY symbol", false)]
    [TestCase("SELECT symbol, time_bucket('1 minute', ts) AS m, first(price), max(price), min(price), last(price), sum(volume) FROM trades GROUP BY symbol, m", false)]
    [TestCase("SELECT ts, symbol, price FROM trades WHERE symbol = 'S0002' ORDER BY price DESC, ts LIMIT 20", true)]
    [TestCase("SELECT hostname, time_bucket('1h', time) AS h, max(usage_user), avg(usage_idle) FROM cpu GROUP BY hostname, h", false)]
    public async Task Query_OverParquet_EqualsTheSameQueryInMemory(string sql, bool ordered)
    {
        var memory = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(memory, s_trades);
        CpuGenerator.RegisterCpu(memory, s_cpu);
        var expected = await TestEngines.Local(memory).QueryAsync(sql);
        ResultAssert.Equivalent(expected, await Engine().QueryAsync(sql), ordered, sql + " (serial)");
        ResultAssert.Equivalent(expected, await Engine(threads: 2, chunkRows: 1_000).QueryAsync(sql), ordered, sql + " (chunked)");
    }

    [Test]
    public async Task WhereOnPathKey_ReadsOnlyThatPartition()
    {
        var result = await Engine().QueryAsync("SELECT count(*) FROM trades WHERE symbol = 'S0003'");
        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(10_000));
        Assert.That(result.Statistics.PartitionsScanned, Is.EqualTo(1));
    }

    [Test]
    public async Task FromPath_QueriesAFileOrAFolderDirectly()
    {
        var file = Path.Combine(_root, "trades", "symbol=S0001", "part-0.parquet");
        var fromFile = await Engine().QueryAsync($"SELECT count(*), min(ts) FROM '{file}'");
        Assert.That(fromFile.GetValue(0, 0).Int64Value, Is.EqualTo(10_000));
        var fromFolder = await Engine().QueryAsync($"SELECT symbol, count(*) FROM '{Path.Combine(_root, "trades")}' GROUP BY symbol ORDER BY symbol");
        Assert.That(fromFolder.Rows().Select(r => $"{r[0]}:{r[1]}"), Is.EqualTo(new[] { "S0001:10000", "S0002:10000", "S0003:10000" }));
    }

    [Test]
    public void FromMissingPath_IsAStorageErrorNamingIt()
    {
        var error = Assert.ThrowsAsync<StorageException>(() => Engine().QueryAsync("SELECT count(*) FROM './no/such/dir'"));
        Assert.That(error!.Message, Does.Contain("./no/such/dir").And.Contain("no such file or folder"));
    }

    [Test]
    public async Task FilesWithDifferentColumnTypes_FailDiscoveryNamingTheColumn()
    {
        var store = new InMemoryObjectStore();
        await WriteOneColumnAsync(store, "t/part-0.parquet", new Int64Column([1, 2]));
        await WriteOneColumnAsync(store, "t/part-1.parquet", new DoubleColumn([1.5]));
        var error = Assert.ThrowsAsync<CorruptDataException>(() => HiveTableCatalog.OpenAsync(store));
        Assert.That(error!.Message, Does.Contain("column 'x' is DOUBLE here but is BIGINT"));
    }

    [Test]
    public async Task KeyColumnInsideFilesThatDisagreesWithThePath_IsAnError()
    {
        var store = new InMemoryObjectStore();
        await WriteOneColumnAsync(store, "t/x=5/part-0.parquet", new Int64Column([7, 8]));
        var error = Assert.ThrowsAsync<CorruptDataException>(() => HiveTableCatalog.OpenAsync(store));
        Assert.That(error!.Message, Does.Contain("column 'x' holds values from 7 to 8").And.Contain("the path says x=5"));
    }

    [Test]
    public async Task KeyColumnInsideFilesThatAgrees_IsOneColumn()
    {
        var store = new InMemoryObjectStore();
        await WriteOneColumnAsync(store, "t/x=7/part-0.parquet", new Int64Column([7, 7]));
        var catalog = await HiveTableCatalog.OpenAsync(store);
        Assert.That(catalog.TryGetTable("t", out var table), Is.True);
        Assert.That(table!.Schema.Count, Is.EqualTo(1));
        Assert.That(table.Partitions[0].KeyValues["x"], Is.EqualTo(ScalarValue.FromInt64(7)));
    }

    private static Task<long> WriteOneColumnAsync(InMemoryObjectStore store, string key, Column column)
    {
        var schema = new Schema([new Field("x", column.Type)]);
        return ParquetFileWriter.WriteToObjectStoreAsync(store, key, schema, [new ColumnBatch(schema, [column], column.Length)]);
    }
}
