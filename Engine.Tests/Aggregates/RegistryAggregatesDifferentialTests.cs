using Engine.Bench.Queries;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Tests.Support;

namespace Engine.Tests.Aggregates;

/// <summary>
/// The aggregates added through the function registry (arg_min/arg_max and their aliases, bool_and,
/// bool_or, count_if, and DISTINCT over sum and avg) against DuckDB on a table with NULLs in every column,
/// one NaN, many small chunks and groups: serially, and on two threads with one-row chunks, so every state
/// is merged many times.
/// </summary>
[NonParallelizable]
public sealed class RegistryAggregatesDifferentialTests
{
    private const int Rows = 3_000;

    private static readonly string[] s_aggregates =
    [
        "arg_min(x, y)", "arg_max(x, y)", "arg_min(y, ts)", "arg_max(g, ts)", "min_by(ts, y)", "max_by(flag, ts)", "argmin(x, ts)", "argmax(y, y)",
        "bool_and(flag)", "bool_or(flag)", "bool_and(y > 0.2)", "bool_or(x > 90)", "count_if(flag)", "count_if(x % 3 = 0)", "countif(y < 0.5)",
        "sum(DISTINCT x)", "avg(DISTINCT x)", "count(DISTINCT g)",
    ];

    private static readonly Lazy<InMemoryCatalog> s_catalog = new(CreateCatalog);
    private static readonly Lazy<IReadOnlyList<DifferentialQuery>> s_queries = new(CreateQueries);
    private IReadOnlyList<DuckDbQueryResult> _expected = [];

    public static IEnumerable<TestCaseData> Queries() => s_queries.Value.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    [OneTimeSetUp]
    public async Task RunDuckDbOnce() => _expected = await DuckDbOracle.QueryAsync(s_catalog.Value, s_queries.Value);

    [TestCaseSource(nameof(Queries))]
    public async Task Serial_MatchesDuckDb(int index) => await AssertMatchesAsync(TestEngines.Local(s_catalog.Value), index);

    [TestCaseSource(nameof(Queries))]
    public async Task TwoThreadsWithOneRowChunks_MatchesDuckDb(int index) =>
        await AssertMatchesAsync(TestEngines.Local(s_catalog.Value, threads: 2, serialThresholdRows: 0, chunkRows: 1), index);

    private async Task AssertMatchesAsync(QueryExecutor engine, int index)
    {
        var query = s_queries.Value[index];
        ResultComparer.AssertMatches(await engine.QueryAsync(query.EngineSql), _expected[index], query);
    }

    private static List<DifferentialQuery> CreateQueries()
    {
        var queries = new List<DifferentialQuery>();
        foreach (var aggregate in s_aggregates)
        {
            queries.Add(Same($"global {aggregate}", $"SELECT {aggregate} FROM t", ordered: true));
            queries.Add(Same($"by g {aggregate}", $"SELECT g, {aggregate} FROM t GROUP BY g ORDER BY g NULLS FIRST", ordered: true));
            queries.Add(Same($"empty {aggregate}", $"SELECT {aggregate} FROM t WHERE x > 1000", ordered: true));
        }

        queries.Add(Same("filtered groups", "SELECT g, arg_max(x, ts), count_if(flag), bool_or(flag) FROM t WHERE y < 0.7 GROUP BY g HAVING count(*) > 1 ORDER BY g NULLS FIRST", ordered: true));
        return queries;
    }

    private static DifferentialQuery Same(string name, string sql, bool ordered) => new(name, sql, sql, ordered);

    // Columns with NULLs in each (every 7th, 11th, 13th, 17th row), one NaN; y and ts are distinct, so the
    // arg_min/arg_max answers have no ties for DuckDB to break its own way.
    private static InMemoryCatalog CreateCatalog()
    {
        var random = new DeterministicRandom(20261204);
        var schema = new Schema(
        [
            new Field("ts", DataType.Timestamp),
            new Field("g", DataType.String),
            new Field("x", DataType.Int64),
            new Field("y", DataType.Double),
            new Field("flag", DataType.Bool),
        ]);
        var groups = new[] { "alpha", "beta", "gamma", "delta" };
        var batches = new List<ColumnBatch>();
        for (var start = 0; start < Rows; start += 100)
        {
            var ts = new ColumnBuilder(DataType.Timestamp);
            var g = new ColumnBuilder(DataType.String);
            var x = new ColumnBuilder(DataType.Int64);
            var y = new ColumnBuilder(DataType.Double);
            var flag = new ColumnBuilder(DataType.Bool);
            for (var row = start; row < start + 100; row++)
            {
                ts.Append(row % 17 == 5 ? ScalarValue.Null(DataType.Timestamp) : ScalarValue.FromTimestamp(TradesOptions.DefaultStartMicros + (row * 1_000_003L)));
                g.Append(row % 13 == 0 ? ScalarValue.Null(DataType.String) : ScalarValue.FromString(groups[random.NextInt32(groups.Length)]));
                x.Append(row % 7 == 3 ? ScalarValue.Null(DataType.Int64) : ScalarValue.FromInt64(random.NextInt32(100)));
                y.Append(row % 11 == 2 ? ScalarValue.Null(DataType.Double) : ScalarValue.FromDouble(row == 1_234 ? double.NaN : (row + random.NextDouble()) / Rows));
                flag.Append(row % 5 == 1 ? ScalarValue.Null(DataType.Bool) : ScalarValue.FromBool(random.NextDouble() < 0.8));
            }

            batches.Add(new ColumnBatch(schema, [ts.Build(), g.Build(), x.Build(), y.Build(), flag.Build()], 100));
        }

        var catalog = new InMemoryCatalog();
        catalog.Register("t", schema, [(new Dictionary<string, ScalarValue>(), batches)], timeColumn: null);
        return catalog;
    }
}
