using Engine.Bench.Queries;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Generators;

namespace Engine.Tests.Support;

/// <summary>
/// The harness against real DuckDB, without the engine: every fixed and random query runs in DuckDB over the
/// small generated data sets, and the data survives the CSV trip exactly. One node run for the whole fixture.
/// </summary>
public sealed class DuckDbHarnessTests
{
    private const int RandomQueryCount = 300;
    private static readonly string[] s_engineTypes = ["BIGINT", "HUGEINT", "DOUBLE", "TIMESTAMP", "VARCHAR", "BOOLEAN"];
    private const string CpuHost = "host_3";

    private IReadOnlyList<DifferentialQuery> _benchmark = [];
    private IReadOnlyList<DifferentialQuery> _tsbs = [];
    private IReadOnlyList<DifferentialQuery> _random = [];
    private readonly Dictionary<DifferentialQuery, DuckDbQueryResult> _results = [];
    private DuckDbQueryResult _edge = null!;
    private DuckDbQueryResult _trades = null!;
    private DuckDbQueryResult _cpuHost = null!;

    [OneTimeSetUp]
    public async Task RunEverythingInDuckDbOnce()
    {
        var catalog = DifferentialDataSets.CreateCatalog();
        EdgeCaseTable.Register(catalog);
        _benchmark = TradesQueries.Create(DifferentialDataSets.Trades);
        _tsbs = TsbsQueries.Create(DifferentialDataSets.Cpu);
        _random = new RandomQueryGenerator(1).Generate(RandomQueryCount);
        var queries = _benchmark.Concat(_tsbs).Concat(_random).Select(q => q.DuckDbSql).ToList();
        queries.Add($"SELECT * FROM {EdgeCaseTable.Name}");
        queries.Add("SELECT * FROM trades");
        queries.Add($"SELECT * FROM cpu WHERE hostname = '{CpuHost}'");

        var results = await DuckDbOracle.QueryAsync(catalog, queries);

        var all = _benchmark.Concat(_tsbs).Concat(_random).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            _results[all[i]] = results[i];
        }

        (_edge, _trades, _cpuHost) = (results[^3], results[^2], results[^1]);
    }

    [Test]
    public void TradesQueries_DuckDb_AllRunAndReturnRows()
    {
        Assert.That(Problems(_benchmark, requireRows: true), Is.Empty);
    }

    [Test]
    public void TsbsQueries_DuckDb_AllRunAndReturnRows()
    {
        // high-cpu-1 legitimately returns nothing when its one host never passes 90 in the window.
        Assert.That(Problems(_tsbs.Where(q => q.Name != "high-cpu-1").ToList(), requireRows: true), Is.Empty);
        Assert.That(Problems(_tsbs, requireRows: false), Is.Empty);
    }

    [Test]
    public void RandomQueries_DuckDb_AllRun()
    {
        Assert.That(Problems(_random, requireRows: false), Is.Empty);
    }

    [Test]
    public void RandomQueries_DuckDb_MostReturnRows()
    {
        var withRows = _random.Count(q => _results[q].Rows.Count > 0);
        Assert.That(withRows, Is.GreaterThan(RandomQueryCount * 3 / 4));
    }

    [Test]
    public void RandomQueries_DuckDb_ColumnTypesAreEngineTypes()
    {
        // DECIMAL or other DuckDB-only types would mean a dialect translation is missing.
        var types = _random.SelectMany(q => _results[q].Types).Distinct().Order().ToList();
        Assert.That(types, Is.SubsetOf(s_engineTypes));
    }

    [Test]
    public void Q1_DuckDb_HasOneRowPerGeneratedSymbol()
    {
        var q1 = _results[_benchmark[0]];
        Assert.That(q1.Rows, Has.Count.EqualTo(DifferentialDataSets.Trades.Symbols));
        Assert.That(q1.Rows[0][0], Is.EqualTo(ScalarValue.FromString("S0001")));
    }

    [Test]
    public void Lastpoint_DuckDb_OneRowPerHostAtTheLastReading()
    {
        var lastpoint = _results[_tsbs.Single(q => q.Name == "lastpoint")];
        var last = DifferentialDataSets.Cpu.StartMicros + ((new CpuGenerator(DifferentialDataSets.Cpu).RowsPerHost - 1) * DifferentialDataSets.Cpu.IntervalMicros);
        Assert.Multiple(() =>
        {
            Assert.That(lastpoint.Rows, Has.Count.EqualTo(DifferentialDataSets.Cpu.Hosts));
            Assert.That(lastpoint.Rows.Select(r => r[1]), Is.All.EqualTo(ScalarValue.FromTimestamp(last)));
        });
    }

    [Test]
    public void EdgeTable_ThroughCsvAndDuckDb_SameValues()
    {
        var batch = EdgeCaseTable.Create();
        var expected = ResultOf(batch.Schema, [batch]);
        var query = new DifferentialQuery("edge round trip", "SELECT * FROM edge", _edge.Sql, Ordered: false);
        ResultComparer.AssertMatches(expected, _edge, query);
    }

    [Test]
    public void Trades_ThroughCsvAndDuckDb_ExactlyTheGeneratedValues()
    {
        var batches = new TradesGenerator(DifferentialDataSets.Trades).GeneratePartitions().SelectMany(p => p.Batches).ToList();
        var query = new DifferentialQuery("trades round trip", "SELECT * FROM trades", _trades.Sql, Ordered: false);
        ResultComparer.AssertMatches(ResultOf(TradesGenerator.Schema, batches), _trades, query);

        // The comparer allows 1e-9 relative; the CSV trip must be bit-exact.
        var generated = batches.SelectMany(b => ((DoubleColumn)b["price"]).Values.ToArray());
        Assert.That(_trades.Rows.Select(r => r[2].DoubleValue), Is.EquivalentTo(generated));
    }

    [Test]
    public void CpuHost_ThroughCsvAndDuckDb_ExactlyTheGeneratedValues()
    {
        var host = int.Parse(CpuHost["host_".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var batches = new CpuGenerator(DifferentialDataSets.Cpu).GenerateHost(host).SelectMany(p => p.Batches).ToList();
        var query = new DifferentialQuery("cpu round trip", $"SELECT * FROM cpu WHERE hostname = '{CpuHost}'", _cpuHost.Sql, Ordered: false);
        ResultComparer.AssertMatches(ResultOf(CpuGenerator.Schema, batches), _cpuHost, query);
    }

    private List<string> Problems(IReadOnlyList<DifferentialQuery> queries, bool requireRows) =>
        [.. queries
            .Where(q => !_results[q].Succeeded || (requireRows && _results[q].Rows.Count == 0))
            .Select(q => $"{q.Name}: {_results[q].Error ?? "no rows"}\n  {q.DuckDbSql}")];

    private static QueryResult ResultOf(Schema schema, IReadOnlyList<ColumnBatch> batches) =>
        new(schema, batches, new QueryStatistics { SchedulerKind = "generator", Mode = "NONE", ModeReason = "rows straight from the generator" });
}
