using Engine.Bench.Queries;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Tests.Support;

namespace Engine.Tests.Differential;

/// <summary>
/// The same generated data loaded into DuckDB (via CSV) and into Engine: the benchmark queries Q1–Q6, the
/// TSBS cpu-only shapes that need no join, and 200 random queries over the grammar must return the same
/// rows (doubles within 1e-9 relative). DuckDB runs once for all queries; Engine runs each query with the
/// serial scheduler and with two threads in CHUNKED/PARTITION mode over the data in memory, and over Parquet
/// that DuckDB itself wrote with hive_partitioning in two layouts (codecs, row-group sizes, partitioned or not),
/// one of them also from S3 (s3rver on loopback).
/// </summary>
[NonParallelizable]
public class DuckDbDifferentialTests
{
    private const int RandomQueries = 200;
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(DifferentialDataSets.CreateCatalog);
    private static readonly Lazy<IReadOnlyList<DifferentialQuery>> s_queries = new(() =>
        [.. TradesQueries.Create(DifferentialDataSets.Trades),
         .. TsbsQueries.Create(DifferentialDataSets.Cpu),
         .. new RandomQueryGenerator(20261121, DifferentialDataSets.Trades, DifferentialDataSets.Cpu).Generate(RandomQueries)]);

    // Each layout is a set of COPY options per table; {0} is the output folder of the table.
    private static readonly Dictionary<string, (string Trades, string Cpu)> s_layouts = new()
    {
        ["hive-snappy-zstd"] = (
            "COPY trades TO '{0}' (FORMAT parquet, PARTITION_BY (symbol), WRITE_PARTITION_COLUMNS true, COMPRESSION snappy, ROW_GROUP_SIZE 2048)",
            "COPY cpu TO '{0}' (FORMAT parquet, PARTITION_BY (hostname), WRITE_PARTITION_COLUMNS true, COMPRESSION zstd, ROW_GROUP_SIZE 1000)"),
        ["single-file-gzip-uncompressed"] = (
            "COPY trades TO '{0}/data.parquet' (FORMAT parquet, COMPRESSION gzip, ROW_GROUP_SIZE 3000)",
            "COPY cpu TO '{0}' (FORMAT parquet, PARTITION_BY (hostname), WRITE_PARTITION_COLUMNS true, COMPRESSION uncompressed)"),
    };

    private readonly Dictionary<string, HiveTableCatalog> _parquet = [];
    private IReadOnlyList<DuckDbQueryResult> _expected = [];
    private string _parquetRoot = string.Empty;

    public static IEnumerable<TestCaseData> Queries() =>
        s_queries.Value.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    public static IEnumerable<TestCaseData> ParquetQueries() =>
        s_layouts.Keys.Append(S3Layout).SelectMany(layout => s_queries.Value.Select((q, i) => new TestCaseData(layout, i).SetName($"{layout} {q.Name}: {q.EngineSql}")));

    // The first layout again, uploaded byte for byte to s3rver and read through S3ObjectStore.
    private const string S3Layout = "s3:hive-snappy-zstd";
    private S3ObjectStore? _s3;

    [OneTimeSetUp]
    public async Task RunDuckDbOnce()
    {
        _parquetRoot = Directory.CreateTempSubdirectory("engine-duckdb-parquet-").FullName;
        var statements = new List<string>();
        foreach (var (layout, (trades, cpu)) in s_layouts)
        {
            var folder = Path.Combine(_parquetRoot, layout);
            Directory.CreateDirectory(Path.Combine(folder, "trades"));
            statements.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, trades, Path.Combine(folder, "trades")));
            statements.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, cpu, Path.Combine(folder, "cpu")));
        }

        _expected = await DuckDbOracle.QueryAsync(s_catalog.Value, s_queries.Value.Select(q => q.DuckDbSql).ToList(), statements: statements);
        foreach (var layout in s_layouts.Keys)
        {
            _parquet[layout] = await HiveTableCatalog.OpenAsync(new FileSystemObjectStore(Path.Combine(_parquetRoot, layout)));
        }

        var server = await Engine.Tests.Storage.S3.S3TestServer.SharedAsync();
        _s3 = new S3ObjectStore(server.CreateOptions());
        var source = Path.Combine(_parquetRoot, "hive-snappy-zstd");
        foreach (var file in Directory.EnumerateFiles(source, "*.parquet", SearchOption.AllDirectories))
        {
            await _s3.WriteAsync(Path.GetRelativePath(source, file).Replace('\\', '/'), await File.ReadAllBytesAsync(file), CancellationToken.None);
        }

        _parquet[S3Layout] = await HiveTableCatalog.OpenAsync(_s3);
    }

    [OneTimeTearDown]
    public void DeleteParquet()
    {
        _s3?.Dispose();
        Directory.Delete(_parquetRoot, recursive: true);
    }

    [Test]
    public void DuckDbParquet_HasBothTablesInEveryLayout()
    {
        Assert.That(_parquet.Values.Select(c => string.Join(",", c.TableNames)), Is.All.EqualTo("cpu,trades"));
        Assert.That(_parquet.Keys, Has.Member(S3Layout));
        Assert.That(_parquet["hive-snappy-zstd"].TryGetTable("trades", out var trades) ? trades.Partitions.Count : 0, Is.EqualTo(DifferentialDataSets.Trades.Symbols));
    }

    [TestCaseSource(nameof(ParquetQueries))]
    public async Task Query_OverDuckDbWrittenParquet_MatchesDuckDb(string layout, int index)
    {
        var catalog = _parquet[layout];
        var engine = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 2, SerialThresholdRows = 0, ChunkRows = 1_500 }));
        var query = s_queries.Value[index];
        ResultComparer.AssertMatches(await engine.QueryAsync(query.EngineSql), _expected[index], query);
    }

    [Test]
    public void DuckDb_AcceptsEveryReferenceQuery()
    {
        var errors = _expected.Select((e, i) => (e.Error, s_queries.Value[i].DuckDbSql)).Where(x => x.Error is not null).ToList();
        Assert.That(errors, Is.Empty);
    }

    [TestCaseSource(nameof(Queries))]
    public async Task Query_MatchesDuckDb_Serial(int index) =>
        await AssertMatchesAsync(TestEngines.Local(s_catalog.Value, threads: 1), index);

    [TestCaseSource(nameof(Queries))]
    public async Task Query_MatchesDuckDb_TwoThreads(int index) =>
        await AssertMatchesAsync(TestEngines.Local(s_catalog.Value, threads: 2, serialThresholdRows: 0, chunkRows: 1_500), index);

    private async Task AssertMatchesAsync(QueryExecutor engine, int index)
    {
        var query = s_queries.Value[index];
        var actual = await engine.QueryAsync(query.EngineSql);
        ResultComparer.AssertMatches(actual, _expected[index], query);
    }
}
