using Engine.Bench.Queries;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Tests.Support;

namespace Engine.Tests.Differential;

/// <summary>
/// The numeric scalar functions of issue 11 against DuckDB on the differential data sets: abs, sign, round,
/// trunc, floor, ceil, sqrt, cbrt, exp, the logarithms, power, mod, greatest, least, pi and the
/// NaN/Infinity tests, in SELECT lists, WHERE, GROUP BY keys, HAVING, ORDER BY, over aggregates and inside
/// CASE. Each query runs serially and on two threads with small chunks and must give DuckDB's rows (doubles
/// within the comparer's 1e-9 relative tolerance). The error queries fail in DuckDB when they run, and must
/// fail in Engine with a <see cref="QueryExecutionException"/> saying the same thing.
/// </summary>
[NonParallelizable]
public sealed class MathFunctionDifferentialTests
{
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(DifferentialDataSets.CreateCatalog);

    private static readonly DifferentialQuery[] s_queries =
    [
        // abs, sign.
        Ordered("abs per symbol", "SELECT symbol, sum(abs(price - 100)), max(abs(volume - 500)), min(abs(volume - 500)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("sign of a double as a group key", "SELECT sign(price - 100) AS s, count(*), avg(price) FROM trades GROUP BY s ORDER BY s"),
        Ordered("sign of a bigint summed", "SELECT symbol, sum(sign(volume - 500)), sum(sign(price - 100)) FROM trades GROUP BY symbol ORDER BY symbol"),

        // round, trunc, floor, ceil.
        Ordered("round as a group key", "SELECT round(price / 10) AS p, count(*) FROM trades GROUP BY p ORDER BY p"),
        Ordered("round to digits", "SELECT symbol, sum(round(price, 2)), min(round(price, 1)), max(round(price, 3)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("round to tens", "SELECT round(price, -1) AS b, count(*) FROM trades GROUP BY b ORDER BY b"),
        Ordered("round a bigint to tens", "SELECT round(volume, -1) AS v, count(*) FROM trades GROUP BY v ORDER BY v"),
        Ordered("round a bigint to hundreds, half away from zero", "SELECT round(volume - 550, -2) AS v, count(*) FROM trades GROUP BY v ORDER BY v"),
        new("round to per-row digits",
            "SELECT symbol, sum(round(price, volume % 5 - 2)), sum(round(volume, volume % 3 - 2)) FROM trades GROUP BY symbol ORDER BY symbol",
            "SELECT symbol, sum(round(price, (volume % 5 - 2)::INTEGER)), sum(round(volume, (volume % 3 - 2)::INTEGER)) FROM trades GROUP BY symbol ORDER BY symbol",
            Ordered: true),
        Ordered("round of an aggregate", "SELECT hostname, round(avg(usage_user), 2), round(max(usage_system)) FROM cpu GROUP BY hostname ORDER BY hostname"),
        Ordered("trunc toward zero", "SELECT trunc((price - 100) / 7) AS t, count(*) FROM trades GROUP BY t ORDER BY t"),
        Ordered("trunc to digits", "SELECT symbol, sum(trunc(price, 1)), sum(trunc(volume, -1)), sum(trunc(price - 100, -1)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("trunc of a bigint", "SELECT trunc(volume) % 10 AS d, count(*) FROM trades GROUP BY d ORDER BY d"),
        Ordered("floor and ceil as group keys", "SELECT floor(price / 25) AS f, ceil(price / 25) AS c, count(*) FROM trades GROUP BY f, c ORDER BY f, c"),
        Ordered("floor and ceiling of bigints are doubles", "SELECT sum(floor(volume)), sum(ceiling(volume)), max(ceil(volume)) FROM trades"),
        Ordered("floor of negatives", "SELECT floor((price - 100) / 3) AS f, count(*) FROM trades GROUP BY f ORDER BY f"),

        // sqrt, cbrt, exp, logarithms, power.
        Ordered("sqrt of doubles and bigints", "SELECT symbol, sum(sqrt(price)), avg(sqrt(volume)), max(sqrt(volume)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("sqrt guarded by CASE", "SELECT sum(CASE WHEN price >= 100 THEN sqrt(price - 100) ELSE 0 END), count(CASE WHEN price < 100 THEN 1 END) FROM trades"),
        Ordered("cbrt of negatives", "SELECT symbol, sum(cbrt(price - 100)), min(cbrt(volume - 500)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("exp", "SELECT symbol, max(exp(price / 1000)), min(exp(-volume)), sum(exp(volume / 100)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("ln", "SELECT symbol, avg(ln(price)), sum(ln(volume)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("log10 and log2", "SELECT symbol, sum(log10(price)), sum(log2(volume)), max(log10(volume)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("log of one argument is log10", "SELECT sum(log(price)), sum(log(volume)), sum(log(price) - log10(price)) FROM trades"),
        Ordered("log to a base", "SELECT symbol, sum(log(2, volume)), sum(log(volume + 1, price)), sum(log(0.5, price)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("order of magnitude as a group key", "SELECT floor(log10(price)) AS m, floor(log2(volume)) AS b, count(*) FROM trades GROUP BY m, b ORDER BY m, b"),
        Ordered("ln of cpu usage shifted", "SELECT hostname, avg(ln(usage_idle + 1)), max(log2(usage_user + 1)) FROM cpu GROUP BY hostname ORDER BY hostname"),
        Ordered("exp and ln round trip", "SELECT max(abs(ln(exp(price / 1000)) - price / 1000)), max(abs(power(sqrt(price), 2) - price)) FROM trades"),
        Ordered("power", "SELECT symbol, sum(power(price, 2)), sum(pow(volume, 0.5)), max(power(volume, 3)), sum(power(2, volume % 20)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("power of negatives", "SELECT sum(power(price - 100, 3)), sum(power(volume - 500, 2)), max(power(volume - 500, -1)) FROM trades"),
        Ordered("population stddev from power and sqrt", "SELECT symbol, sqrt(avg(power(price, 2)) - power(avg(price), 2)), stddev_pop(price) FROM trades GROUP BY symbol ORDER BY symbol"),

        // mod.
        Ordered("mod of bigints as a group key", "SELECT mod(volume, 7) AS m, count(*) FROM trades GROUP BY m ORDER BY m"),
        Ordered("mod keeps the dividend's sign", "SELECT mod(volume - 500, 7) AS m, count(*) FROM trades GROUP BY m ORDER BY m"),
        Ordered("mod of doubles", "SELECT symbol, sum(mod(price, 3)), sum(mod(volume, 2.5::DOUBLE)), sum(mod(price - 100, 7)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("mod by zero is NULL", "SELECT count(mod(volume, volume % 3)), sum(mod(volume, volume % 3)) FROM trades"),

        // greatest, least.
        Ordered("greatest and least of a double and a bigint", "SELECT symbol, max(greatest(price, volume)), min(least(price, volume)), sum(greatest(price, volume, 50)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("greatest of text", "SELECT greatest(symbol, 'S0002') AS g, least(symbol, 'S0003') AS l, count(*) FROM trades GROUP BY g, l ORDER BY g, l"),
        Ordered("least of timestamps", "SELECT symbol, min(least(ts, TIMESTAMP '2024-01-01 00:30:00')), max(greatest(ts, TIMESTAMP '2024-01-01 01:00:00')) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("greatest with a text timestamp", "SELECT count(*) FROM trades WHERE greatest(ts, '2024-01-01 01:00:00') = ts"),
        Ordered("greatest skips NULLs", "SELECT count(greatest(NULLIF(volume, 10), NULLIF(volume, 11))), count(least(NULLIF(volume % 2, 0), NULL)), sum(greatest(NULL, volume)) FROM trades"),
        Ordered("greatest in WHERE", "SELECT symbol, count(*) FROM trades WHERE greatest(price, 150) > 150 AND least(volume, 100) < 100 GROUP BY symbol ORDER BY symbol"),
        Ordered("greatest over cpu columns", "SELECT hostname, max(greatest(usage_user, usage_system, usage_idle)), min(least(usage_user, usage_system, usage_iowait)) FROM cpu GROUP BY hostname ORDER BY hostname"),
        Ordered("greatest of aggregates", "SELECT hostname, greatest(max(usage_user), max(usage_system)), least(min(usage_user), min(usage_system)) FROM cpu GROUP BY hostname ORDER BY hostname"),

        // NaN and Infinity tests, pi.
        Ordered("isinf and isfinite of divisions by zero", "SELECT count(*) FILTER (WHERE isinf(price / (volume % 2))), count(*) FILTER (WHERE isfinite(price / (volume % 2))) FROM trades"),
        Ordered("isnan of zero over zero", "SELECT count(*) FILTER (WHERE isnan((price - price) / (volume % 2))), count(*) FILTER (WHERE isnan(price)) FROM trades"),
        Ordered("NaN and Infinity through the functions", "SELECT symbol, max(greatest(price / (volume % 2), 0)), sum(sign((price - price) / (volume % 2))), count(*) FILTER (WHERE isnan(round(price / (volume % 2) - price / (volume % 2), 2))) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("pi", "SELECT symbol, sum(pi() * power(price, 2)), round(pi(), 5) FROM trades GROUP BY symbol ORDER BY symbol"),

        // In other clauses, nested, and constants.
        Ordered("math in WHERE", "SELECT count(*), sum(volume) FROM trades WHERE abs(price - 100) < 10 AND sqrt(volume) > 5"),
        Ordered("math in HAVING", "SELECT symbol, avg(price) FROM trades GROUP BY symbol HAVING abs(avg(price) - 100) < 1000 AND sqrt(count(*)) > 10 ORDER BY symbol"),
        Ordered("math in ORDER BY", "SELECT ts, price FROM trades ORDER BY abs(price - 100), ts LIMIT 10"),
        Ordered("nested functions", "SELECT sum(round(sqrt(abs(price - 100)) * 10, 1)), max(trunc(ln(greatest(price, volume)), 3)) FROM trades"),
        Ordered("math over time buckets", "SELECT time_bucket(INTERVAL '1 hour', time) AS h, round(max(usage_user) - min(usage_user), 1), floor(avg(usage_idle)) FROM cpu GROUP BY h ORDER BY h"),
        Ordered("math on constants",
            "SELECT abs(-3), sign(-2.5::DOUBLE), round(2.5::DOUBLE), round(-2.5::DOUBLE), round(1234.5678::DOUBLE, -2), trunc(-2.7::DOUBLE), floor(-2.5::DOUBLE), ceil(-2.5::DOUBLE), sqrt(2), cbrt(-27), exp(1), ln(10), log(1000), log2(1024), log(3, 81), power(2, 0.5), mod(-7, 3), greatest(1, 2.5::DOUBLE), least('b', 'a'), pi()"),
        Ordered("math on IEEE constants",
            "SELECT round('nan'::DOUBLE, -2), round('inf'::DOUBLE, 2), round(1.5::DOUBLE, 400), trunc(1.5::DOUBLE, -400), trunc('inf'::DOUBLE, -1), power(0::DOUBLE, -1), power('nan'::DOUBLE, 0), exp(1000::DOUBLE), sqrt('inf'::DOUBLE), isnan('nan'::DOUBLE), isinf('-inf'::DOUBLE), isfinite(1), greatest('nan'::DOUBLE, 1), least('-inf'::DOUBLE, 'nan'::DOUBLE), sign('nan'::DOUBLE)"),
        Ordered("math on NULL", "SELECT abs(NULL), sqrt(NULL), round(NULL), round(1.5::DOUBLE, NULL), power(NULL, 2), mod(NULL, 2), greatest(NULL, 1), isnan(NULL), log(2, NULL)"),
    ];

    private static readonly (string Name, string Sql, string Message)[] s_errors =
    [
        ("sqrt of a negative column", "SELECT sum(sqrt(price - 100000)) FROM trades", "cannot take square root of a negative number"),
        ("ln of a negative column", "SELECT sum(ln(volume - 10000)) FROM trades", "cannot take logarithm of a negative number"),
        ("log10 of zero", "SELECT sum(log10(volume - volume)) FROM trades", "cannot take logarithm of zero"),
        ("log2 of a negative constant", "SELECT log2(-8)", "cannot take logarithm of a negative number"),
        ("log to base one", "SELECT sum(log(1, price)) FROM trades", "division by zero in based logarithm"),
        ("abs of the smallest bigint", "SELECT abs(-9223372036854775807 - 1)", "Overflow on abs(-9223372036854775808)"),
        ("mod of the smallest bigint by -1", "SELECT mod(-9223372036854775807 - 1, -1)", "Overflow in division of -9223372036854775808 / -1"),
        ("% of the smallest bigint by -1", "SELECT (-9223372036854775807 - 1) % -1", "Overflow in division of -9223372036854775808 / -1"),
    ];

    private IReadOnlyList<DuckDbQueryResult> _expected = [];

    public static IEnumerable<TestCaseData> Queries() => s_queries.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    public static IEnumerable<TestCaseData> ErrorQueries() => s_errors.Select((e, i) => new TestCaseData(i).SetName($"{e.Name}: {e.Sql}"));

    [OneTimeSetUp]
    public async Task RunDuckDbOnce() =>
        _expected = await DuckDbOracle.QueryAsync(s_catalog.Value, [.. s_queries.Select(q => q.DuckDbSql), .. s_errors.Select(e => e.Sql)]);

    [Test]
    public void Queries_AreAtLeastForty() => Assert.That(s_queries, Has.Length.GreaterThanOrEqualTo(40));

    [TestCaseSource(nameof(Queries))]
    public async Task Serial_MatchesDuckDb(int index) => await AssertMatchesAsync(TestEngines.Local(s_catalog.Value), index);

    [TestCaseSource(nameof(Queries))]
    public async Task TwoThreadsWithSmallChunks_MatchesDuckDb(int index) =>
        await AssertMatchesAsync(TestEngines.Local(s_catalog.Value, threads: 2, serialThresholdRows: 0, chunkRows: 777), index);

    [TestCaseSource(nameof(ErrorQueries))]
    public void ErrorQuery_FailsInBothWithTheSameMessage(int index)
    {
        var (_, sql, message) = s_errors[index];
        var duckDb = _expected[s_queries.Length + index];
        Assert.That(duckDb.Error, Does.Contain(message.Replace("division by zero", "divison by zero", StringComparison.Ordinal)).Or.Contain(message), "DuckDB's error");
        var engine = TestEngines.Local(s_catalog.Value, threads: 2, serialThresholdRows: 0, chunkRows: 777);
        Assert.That(async () => await engine.QueryAsync(sql), Throws.InstanceOf<QueryExecutionException>().With.Message.Contains(message));
    }

    private async Task AssertMatchesAsync(QueryExecutor engine, int index)
    {
        var query = s_queries[index];
        ResultComparer.AssertMatches(await engine.QueryAsync(query.EngineSql), _expected[index], query);
    }

    private static DifferentialQuery Ordered(string name, string sql) => new(name, sql, sql, Ordered: true);
}
