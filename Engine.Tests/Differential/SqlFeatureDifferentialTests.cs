using Engine.Bench.Queries;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Tests.Support;

namespace Engine.Tests.Differential;

/// <summary>
/// The SQL of issue 11 against DuckDB on the differential data sets: CASE, CAST, conditional functions, IS
/// DISTINCT FROM, DISTINCT, OFFSET, GROUP BY ALL, aliases in HAVING, FILTER, SELECT without FROM, derived
/// tables, WITH, set operations and uncorrelated subqueries. Each query runs serially and on two threads with
/// small chunks (so every aggregate state merges), and must give DuckDB's rows.
/// </summary>
[NonParallelizable]
public sealed class SqlFeatureDifferentialTests
{
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(DifferentialDataSets.CreateCatalog);

    private static readonly DifferentialQuery[] s_queries =
    [
        // Expressions.
        Ordered("searched CASE", "SELECT symbol, sum(CASE WHEN price > 100 THEN volume ELSE 0 END) AS v, count(CASE WHEN volume % 2 = 0 THEN 1 END) AS even FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("simple CASE", "SELECT CASE symbol WHEN 'S0001' THEN 'first' WHEN 'S0002' THEN 'second' ELSE 'other' END AS name, count(*) FROM trades GROUP BY name ORDER BY name"),
        Ordered("CASE mixing types", "SELECT symbol, max(CASE WHEN volume > 50 THEN price ELSE volume END) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("CASE without ELSE", "SELECT count(*), count(CASE WHEN price < 0 THEN 1 END) FROM trades"),
        Ordered("CASE lazy division", "SELECT sum(CASE WHEN volume % 7 <> 0 THEN 700 / (volume % 7) ELSE 0 END) FROM trades"),
        Ordered("CASE as group key", "SELECT CASE WHEN price < 50 THEN 'low' WHEN price < 150 THEN 'mid' ELSE 'high' END AS band, count(*), avg(volume) FROM trades GROUP BY 1 ORDER BY 1"),
        Ordered("CAST double to bigint", "SELECT symbol, sum(CAST(price AS BIGINT)), min(price::BIGINT) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("CAST to varchar", "SELECT CAST(volume AS VARCHAR) AS v, count(*) FROM trades WHERE volume < 20 GROUP BY v ORDER BY v"),
        Ordered("CAST timestamp to varchar", "SELECT CAST(min(ts) AS VARCHAR), max(ts)::VARCHAR FROM trades"),
        Ordered("CAST bigint to double", "SELECT sum(volume::DOUBLE / 3) FROM trades"),
        Ordered("CAST text", "SELECT CAST('42' AS BIGINT) + 1, CAST(' 1.5 ' AS DOUBLE), CAST('t' AS BOOLEAN), TRY_CAST('x' AS BIGINT), CAST('2024-01-02 03:04:05' AS TIMESTAMP)"),
        Ordered("CAST boolean", "SELECT sum(CAST(volume > 50 AS BIGINT)), count(*) FROM trades"),
        Ordered("coalesce nullif", "SELECT symbol, count(NULLIF(volume, 10)), sum(COALESCE(NULLIF(volume, 10), -1)), min(IFNULL(NULLIF(volume, 1), 0)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("is distinct from", "SELECT count(*) FILTER (WHERE NULLIF(volume, 10) IS DISTINCT FROM 10), count(*) FILTER (WHERE NULLIF(volume, 10) IS NOT DISTINCT FROM NULL) FROM trades"),
        Ordered("is true", "SELECT count(*) FROM trades WHERE (price > 100) IS TRUE OR (volume > 90) IS NOT FALSE"),
        Ordered("boolean in WHERE", "SELECT count(*) FROM trades WHERE (price > 100) = (volume > 50)"),

        // Clauses.
        Unordered("DISTINCT", "SELECT DISTINCT symbol FROM trades"),
        Ordered("DISTINCT expression ordered", "SELECT DISTINCT volume % 5 AS m FROM trades ORDER BY m"),
        Unordered("DISTINCT over aggregates", "SELECT DISTINCT count(*) > 0 FROM trades GROUP BY symbol"),
        Ordered("count DISTINCT and sum DISTINCT", "SELECT symbol, count(DISTINCT volume), sum(DISTINCT volume), avg(DISTINCT volume) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("OFFSET with ORDER BY", "SELECT ts, price FROM trades ORDER BY price DESC, ts LIMIT 5 OFFSET 3"),
        Ordered("OFFSET on groups", "SELECT symbol, count(*) FROM trades GROUP BY symbol ORDER BY symbol OFFSET 2"),
        Ordered("GROUP BY ALL", "SELECT symbol, volume % 3 AS r, count(*) FROM trades GROUP BY ALL ORDER BY symbol, r"),
        Ordered("HAVING on an alias", "SELECT symbol, count(*) AS n FROM trades GROUP BY symbol HAVING n > 4000 ORDER BY symbol"),
        Ordered("ORDER BY an aggregate alias", "SELECT symbol, avg(price) AS p FROM trades GROUP BY symbol ORDER BY p DESC"),
        Ordered("FILTER", "SELECT symbol, count(*) FILTER (WHERE volume > 50), sum(price) FILTER (WHERE volume < 10), max(ts) FILTER (WHERE price > 100) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("FILTER matching nothing", "SELECT count(*) FILTER (WHERE price < 0), sum(volume) FILTER (WHERE price < 0) FROM trades"),
        Ordered("qualified names", "SELECT t.symbol, count(t.price) FROM trades AS t GROUP BY t.symbol ORDER BY t.symbol"),
        Ordered("SELECT without FROM", "SELECT 1 + 1, 'text', 7 / 2, 2.5::DOUBLE * 2"),

        // Query blocks.
        Ordered("derived table", "SELECT avg(n), max(n) FROM (SELECT symbol, count(*) AS n FROM trades GROUP BY symbol) AS s"),
        Ordered("derived table with filter", "SELECT symbol FROM (SELECT symbol, sum(volume) AS v FROM trades GROUP BY symbol) s WHERE v > 100000 ORDER BY symbol"),
        Ordered("nested derived tables", "SELECT max(hi) FROM (SELECT symbol, max(p) AS hi FROM (SELECT symbol, price * 2 AS p FROM trades) AS a GROUP BY symbol) AS b"),
        Ordered("WITH", "WITH bars AS (SELECT symbol, time_bucket(INTERVAL '10 minutes', ts) AS b, max(price) AS hi FROM trades GROUP BY symbol, b) SELECT symbol, count(*), max(hi) FROM bars GROUP BY symbol ORDER BY symbol"),
        Ordered("WITH chained", "WITH a AS (SELECT symbol, volume FROM trades WHERE volume > 90), b AS (SELECT symbol, count(*) AS n FROM a GROUP BY symbol) SELECT sum(n) FROM b"),
        Ordered("WITH used twice", "WITH s AS (SELECT symbol, sum(volume) AS v FROM trades GROUP BY symbol) SELECT (SELECT max(v) FROM s) - (SELECT min(v) FROM s)"),
        Unordered("UNION ALL", "SELECT symbol, 'low' AS k FROM trades WHERE price < 20 UNION ALL SELECT symbol, 'high' FROM trades WHERE price > 190"),
        Unordered("UNION", "SELECT symbol FROM trades WHERE price < 50 UNION SELECT symbol FROM trades WHERE volume > 95"),
        Ordered("UNION with ORDER BY and LIMIT", "SELECT volume AS v FROM trades WHERE volume < 5 UNION SELECT volume FROM trades WHERE volume > 97 ORDER BY v DESC LIMIT 4"),
        Unordered("INTERSECT", "SELECT volume FROM trades WHERE symbol = 'S0001' INTERSECT SELECT volume FROM trades WHERE symbol = 'S0002'"),
        Unordered("EXCEPT", "SELECT volume % 10 FROM trades WHERE symbol = 'S0001' EXCEPT SELECT volume % 10 FROM trades WHERE price > 190"),
        Unordered("UNION of mixed numbers", "SELECT max(volume) FROM trades UNION ALL SELECT max(price) FROM trades"),
        Unordered("set operation precedence", "SELECT 1 UNION SELECT 2 INTERSECT SELECT 2"),
        Ordered("scalar subquery", "SELECT count(*) FROM trades WHERE price > (SELECT avg(price) FROM trades)"),
        Ordered("scalar subquery time bound", "SELECT count(*), min(ts) FROM trades WHERE ts >= (SELECT min(ts) FROM trades) + INTERVAL '30 minutes'"),
        Ordered("scalar subquery in SELECT", "SELECT symbol, max(price) - (SELECT min(price) FROM trades) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("scalar subquery with no row", "SELECT (SELECT max(price) FROM trades WHERE price < 0)"),
        Ordered("IN subquery", "SELECT count(*) FROM trades WHERE symbol IN (SELECT symbol FROM trades GROUP BY symbol HAVING avg(price) > 100)"),
        Ordered("NOT IN subquery", "SELECT symbol, count(*) FROM trades WHERE volume NOT IN (SELECT DISTINCT volume FROM trades WHERE volume > 10) GROUP BY symbol ORDER BY symbol"),
        Ordered("EXISTS", "SELECT count(*) FROM trades WHERE EXISTS (SELECT 1 FROM trades WHERE price > 100) AND NOT EXISTS (SELECT 1 FROM trades WHERE price < 0)"),
        Ordered("subquery over cpu", "SELECT hostname, max(usage_user) FROM cpu WHERE hostname IN (SELECT hostname FROM cpu GROUP BY hostname ORDER BY avg(usage_user) DESC LIMIT 3) GROUP BY hostname ORDER BY hostname"),
    ];

    private IReadOnlyList<DuckDbQueryResult> _expected = [];

    public static IEnumerable<TestCaseData> Queries() => s_queries.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    [OneTimeSetUp]
    public async Task RunDuckDbOnce() => _expected = await DuckDbOracle.QueryAsync(s_catalog.Value, s_queries);

    [TestCaseSource(nameof(Queries))]
    public async Task Serial_MatchesDuckDb(int index) => await AssertMatchesAsync(TestEngines.Local(s_catalog.Value), index);

    [TestCaseSource(nameof(Queries))]
    public async Task TwoThreadsWithSmallChunks_MatchesDuckDb(int index) =>
        await AssertMatchesAsync(TestEngines.Local(s_catalog.Value, threads: 2, serialThresholdRows: 0, chunkRows: 777), index);

    private async Task AssertMatchesAsync(QueryExecutor engine, int index)
    {
        var query = s_queries[index];
        ResultComparer.AssertMatches(await engine.QueryAsync(query.EngineSql), _expected[index], query);
    }

    private static DifferentialQuery Ordered(string name, string sql) => new(name, sql, sql, Ordered: true);

    private static DifferentialQuery Unordered(string name, string sql) => new(name, sql, sql, Ordered: false);
}
