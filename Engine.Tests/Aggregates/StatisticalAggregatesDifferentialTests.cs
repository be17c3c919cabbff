using Engine.Bench.Queries;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Tests.Support;

namespace Engine.Tests.Aggregates;

/// <summary>
/// The co-moment aggregates (covar_*, corr, regr_*), product, the exact quantiles (median, quantile_cont,
/// quantile_disc) and mode against DuckDB on a table with NULLs in every column, NaN and ±Infinity in one
/// DOUBLE column, pre-1970 timestamps and unicode strings: serially, and on two threads with one-row chunks,
/// so every state is merged many times. string_agg's order is the arrival order, so it is compared serially
/// only (one thread reads the rows in table order, as DuckDB's single-threaded scan does).
/// </summary>
[NonParallelizable]
public sealed class StatisticalAggregatesDifferentialTests
{
    private const int Rows = 3_000;

    // 1940-01-01: every timestamp is before 1970.
    private const long StartMicros = -946_771_200_000_000;

    private static readonly string[] s_aggregates =
    [
        "covar_pop(y, x)", "covar_samp(y, x)", "corr(y, x)", "corr(x, y)", "covar_pop(x, k)", "regr_slope(y, x)", "regr_intercept(y, x)",
        "regr_r2(y, x)", "regr_avgx(y, x)", "regr_avgy(y, x)", "regr_sxx(y, x)", "regr_syy(y, x)", "regr_sxy(y, x)", "regr_slope(x, k)",
        "product(p)", "product(k)", "product(w)",
        "median(x)", "median(y)", "median(ts)", "median(s)", "median(flag)", "median(w)", "median(DISTINCT x)",
        "quantile_cont(x, 0.25)", "quantile_cont(y, 0.9)", "quantile_cont(ts, 0.1)", "quantile_cont(x, 0)", "quantile_cont(x, 1)", "quantile_cont(x, -0.25)",
        "quantile_disc(x, 0.75)", "quantile_disc(y, 0.3)", "quantile_disc(s, 0.5)", "quantile_disc(ts, 0.99)", "quantile_disc(y, -0.3)", "quantile_disc(w, 1)",
        "quantile(x, 0.5)", "quantile_disc(flag, 0.1)",
        "mode(k)", "mode(s)", "mode(flag)",
        "median(x) FILTER (WHERE flag)", "corr(y, x) FILTER (WHERE k > 3)", "mode(s) FILTER (WHERE x < 50)",
    ];

    private static readonly Lazy<InMemoryCatalog> s_catalog = new(CreateCatalog);
    private static readonly Lazy<IReadOnlyList<DifferentialQuery>> s_queries = new(() => CreateQueries(s_aggregates));
    private static readonly Lazy<IReadOnlyList<DifferentialQuery>> s_serialQueries = new(CreateSerialQueries);
    private IReadOnlyList<DuckDbQueryResult> _expected = [];
    private IReadOnlyList<DuckDbQueryResult> _expectedSerial = [];

    public static IEnumerable<TestCaseData> Queries() => s_queries.Value.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    public static IEnumerable<TestCaseData> SerialQueries() => s_serialQueries.Value.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    [OneTimeSetUp]
    public async Task RunDuckDbOnce()
    {
        _expected = await DuckDbOracle.QueryAsync(s_catalog.Value, s_queries.Value);
        _expectedSerial = await DuckDbOracle.QueryAsync(s_catalog.Value, s_serialQueries.Value);
    }

    [TestCaseSource(nameof(Queries))]
    public async Task Serial_MatchesDuckDb(int index) => await AssertMatchesAsync(TestEngines.Local(s_catalog.Value), s_queries.Value[index], _expected[index]);

    [TestCaseSource(nameof(Queries))]
    public async Task TwoThreadsWithOneRowChunks_MatchesDuckDb(int index) =>
        await AssertMatchesAsync(TestEngines.Local(s_catalog.Value, threads: 2, serialThresholdRows: 0, chunkRows: 1), s_queries.Value[index], _expected[index]);

    [TestCaseSource(nameof(SerialQueries))]
    public async Task ArrivalOrderAggregate_Serial_MatchesDuckDb(int index) =>
        await AssertMatchesAsync(TestEngines.Local(s_catalog.Value), s_serialQueries.Value[index], _expectedSerial[index]);

    [Test]
    public async Task StringAgg_OnTwoThreadsWithOneRowChunks_JoinsTheSameValuesAsSerially()
    {
        const string sql = "SELECT g, string_agg(s, '|') FROM t GROUP BY g ORDER BY g NULLS FIRST";
        var serial = await TestEngines.Local(s_catalog.Value).QueryAsync(sql);
        var threaded = await TestEngines.Local(s_catalog.Value, threads: 2, serialThresholdRows: 0, chunkRows: 1).QueryAsync(sql);
        Assert.That(threaded.RowCount, Is.EqualTo(serial.RowCount));
        for (var r = 0; r < serial.RowCount; r++)
        {
            Assert.That(Parts(threaded.GetValue(r, 1)), Is.EqualTo(Parts(serial.GetValue(r, 1))), $"group {serial.GetValue(r, 0)}");
        }

        static string[] Parts(ScalarValue joined) => [.. joined.StringValue.Split('|').Order(StringComparer.Ordinal)];
    }

    [Test]
    public async Task RegrCount_IsBigintAndCountsOnlyPairsWithoutNull()
    {
        var result = await TestEngines.Local(s_catalog.Value).QueryAsync("SELECT regr_count(y, x), count(*) FILTER (WHERE x IS NOT NULL AND y IS NOT NULL) FROM t");
        Assert.That(result.Schema.Fields[0].Type, Is.EqualTo(DataType.Int64));
        Assert.That(result.GetValue(0, 0), Is.EqualTo(result.GetValue(0, 1)));
    }

    private static async Task AssertMatchesAsync(QueryExecutor engine, DifferentialQuery query, DuckDbQueryResult expected) =>
        ResultComparer.AssertMatches(await engine.QueryAsync(query.EngineSql), expected, query);

    private static List<DifferentialQuery> CreateQueries(IEnumerable<string> aggregates)
    {
        var queries = new List<DifferentialQuery>();
        foreach (var aggregate in aggregates)
        {
            queries.Add(Same($"global {aggregate}", $"SELECT {aggregate} FROM t"));
            queries.Add(Same($"by g {aggregate}", $"SELECT g, {aggregate} FROM t GROUP BY g ORDER BY g NULLS FIRST"));
            queries.Add(Same($"empty {aggregate}", $"SELECT {aggregate} FROM t WHERE x > 1000"));
        }

        queries.Add(new DifferentialQuery("regr_count", "SELECT g, regr_count(y, x), regr_count(x, k) FROM t GROUP BY g ORDER BY g NULLS FIRST",
            "SELECT g, regr_count(y, x)::BIGINT, regr_count(x, k)::BIGINT FROM t GROUP BY g ORDER BY g NULLS FIRST", Ordered: true));
        queries.Add(new DifferentialQuery("empty regr_count", "SELECT regr_count(y, x) FROM t WHERE x > 1000",
            "SELECT regr_count(y, x)::BIGINT FROM t WHERE x > 1000", Ordered: true));
        queries.Add(Same("several per group", "SELECT k % 3 AS m, median(y), quantile_disc(x, 0.1), covar_samp(x, y), mode(s), product(p) FROM t WHERE y < 0.8 GROUP BY m HAVING count(*) > 1 ORDER BY m"));
        return queries;
    }

    private static List<DifferentialQuery> CreateSerialQueries() =>
    [
        Same("string_agg by g", "SELECT g, string_agg(s, '|') FROM t GROUP BY g ORDER BY g NULLS FIRST"),
        Same("string_agg default separator", "SELECT string_agg(x) FROM t"),
        Same("listagg of doubles", "SELECT g, listagg(p, '; ') FROM t WHERE k < 3 GROUP BY g ORDER BY g NULLS FIRST"),
        Same("group_concat filtered", "SELECT group_concat(s, '') FILTER (WHERE k = 1) FROM t"),
        Same("string_agg empty", "SELECT string_agg(s, '-') FROM t WHERE x > 1000"),
        Same("string_agg NULL separator", "SELECT string_agg(s, NULL) FROM t"),
    ];

    private static DifferentialQuery Same(string name, string sql) => new(name, sql, sql, Ordered: true);

    // NULLs in every column (every 7th, 11th, 13th, 17th, 19th row …); w holds NaN and ±Infinity. k is 1 for
    // 40% of the rows and s is 'α' for 40%, flag true for 80%, so mode has one answer per group (DuckDB breaks
    // ties by first appearance, Engine by the smallest value).
    private static InMemoryCatalog CreateCatalog()
    {
        var random = new DeterministicRandom(20261205);
        var schema = new Schema(
        [
            new Field("ts", DataType.Timestamp),
            new Field("g", DataType.String),
            new Field("x", DataType.Int64),
            new Field("y", DataType.Double),
            new Field("k", DataType.Int64),
            new Field("p", DataType.Double),
            new Field("w", DataType.Double),
            new Field("s", DataType.String),
            new Field("flag", DataType.Bool),
        ]);
        var groups = new[] { "alpha", "beta", "gamma", "delta" };
        var strings = new[] { "日本", "émile", "zeta", "Ω-ring", "a b" };
        var batches = new List<ColumnBatch>();
        for (var start = 0; start < Rows; start += 100)
        {
            var columns = schema.Fields.Select(f => new ColumnBuilder(f.Type)).ToArray();
            for (var row = start; row < start + 100; row++)
            {
                columns[0].Append(row % 17 == 5 ? ScalarValue.Null(DataType.Timestamp) : ScalarValue.FromTimestamp(StartMicros + (row * 1_000_003L)));
                columns[1].Append(row % 13 == 0 ? ScalarValue.Null(DataType.String) : ScalarValue.FromString(groups[random.NextInt32(groups.Length)]));
                columns[2].Append(row % 7 == 3 ? ScalarValue.Null(DataType.Int64) : ScalarValue.FromInt64(random.NextInt32(100)));
                columns[3].Append(row % 11 == 2 ? ScalarValue.Null(DataType.Double) : ScalarValue.FromDouble((row + random.NextDouble()) / Rows));
                columns[4].Append(row % 19 == 4 ? ScalarValue.Null(DataType.Int64) : ScalarValue.FromInt64(random.NextDouble() < 0.4 ? 1 : random.NextInt32(20)));
                columns[5].Append(row % 23 == 6 ? ScalarValue.Null(DataType.Double) : ScalarValue.FromDouble(1 + ((random.NextDouble() - 0.5) / 100)));
                columns[6].Append(row % 29 == 1 ? ScalarValue.Null(DataType.Double) : ScalarValue.FromDouble(Special(row, random.NextDouble())));
                columns[7].Append(row % 31 == 7 ? ScalarValue.Null(DataType.String) : ScalarValue.FromString(random.NextDouble() < 0.4 ? "α" : strings[random.NextInt32(strings.Length)]));
                columns[8].Append(row % 5 == 1 ? ScalarValue.Null(DataType.Bool) : ScalarValue.FromBool(random.NextDouble() < 0.8));
            }

            batches.Add(new ColumnBatch(schema, [.. columns.Select(c => c.Build())], 100));
        }

        var catalog = new InMemoryCatalog();
        catalog.Register("t", schema, [(new Dictionary<string, ScalarValue>(), batches)], timeColumn: null);
        return catalog;
    }

    private static double Special(int row, double value) => (row % 97) switch
    {
        0 => double.NaN,
        50 => double.PositiveInfinity,
        70 => double.NegativeInfinity,
        _ => (value - 0.5) * 1e6,
    };
}
