using Engine.Bench.Queries;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Tests.Support;

namespace Engine.Tests.Differential;

/// <summary>
/// The date and time functions of issue 11 against DuckDB: date_trunc, date_part / extract and the one-part
/// functions, epoch and its millisecond, microsecond and nanosecond forms, to_timestamp, make_timestamp,
/// strftime, strptime and try_strptime, time_bucket with an origin or an offset, and TIMESTAMP / INTERVAL arithmetic, over the trades
/// and cpu tables (cpu crosses a UTC midnight at the end of ISO week 53 of 2015) and over literal timestamps
/// before 1970, around leap days and at ISO week edges. INTERVAL results are compared through epoch(), since
/// DuckDB's intervals have day and month fields that Engine's microsecond intervals do not. Each query runs
/// serially and on two threads with small chunks, and must give DuckDB's rows.
/// </summary>
[NonParallelizable]
public sealed class TimeFunctionDifferentialTests
{
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(DifferentialDataSets.CreateCatalog);

    private static readonly DifferentialQuery[] s_queries =
    [
        // date_trunc over table data.
        Ordered("date_trunc minute grouping", "SELECT date_trunc('minute', ts) AS m, count(*), max(price) FROM trades GROUP BY m ORDER BY m"),
        Ordered("date_trunc hour per symbol", "SELECT symbol, date_trunc('hour', ts) AS h, sum(volume) FROM trades GROUP BY symbol, h ORDER BY symbol, h"),
        Ordered("date_trunc second and millisecond", "SELECT count(DISTINCT date_trunc('second', ts)), count(DISTINCT date_trunc('millisecond', ts)), count(DISTINCT date_trunc('microsecond', ts)) FROM trades"),
        Ordered("date_trunc day across midnight", "SELECT date_trunc('day', time) AS d, count(*), avg(usage_user) FROM cpu GROUP BY d ORDER BY d"),
        Ordered("date_trunc week at ISO week 53", "SELECT date_trunc('week', time) AS w, count(*) FROM cpu GROUP BY w ORDER BY w"),
        Ordered("date_trunc month quarter year", "SELECT date_trunc('month', time) AS m, date_trunc('quarter', time) AS q, date_trunc('year', time) AS y, count(*) FROM cpu GROUP BY m, q, y ORDER BY m"),
        Ordered("date_trunc decade century millennium isoyear", "SELECT DISTINCT date_trunc('decade', time), date_trunc('century', time), date_trunc('millennium', time), date_trunc('isoyear', time) FROM cpu"),
        Ordered("date_trunc in WHERE", "SELECT count(*) FROM trades WHERE date_trunc('minute', ts) = TIMESTAMP '2024-01-01 00:10:00'"),

        // date_part, extract and the one-part functions.
        Ordered("extract fields grouped", "SELECT extract(year FROM time) AS y, extract(month FROM time) AS mo, extract(day FROM time) AS d, extract(hour FROM time) AS h, count(*) FROM cpu GROUP BY y, mo, d, h ORDER BY y, mo, d, h"),
        Ordered("ISO week parts across the year end", "SELECT week(time) AS w, isoyear(time) AS iy, yearweek(time) AS yw, dayofweek(time) AS dw, isodow(time) AS idw, dayofyear(time) AS dy, count(*) FROM cpu GROUP BY w, iy, yw, dw, idw, dy ORDER BY dy DESC"),
        Ordered("date_part names", "SELECT date_part('quarter', min(time)), date_part('dow', min(time)), date_part('doy', max(time)), date_part('isodow', max(time)), date_part('week', max(time)), date_part('yearweek', max(time)) FROM cpu"),
        Ordered("minute second millisecond microsecond sums", "SELECT sum(minute(ts)), sum(second(ts)), sum(millisecond(ts)), sum(microsecond(ts)), sum(date_part('second', ts)) FROM trades"),
        Ordered("extract epoch", "SELECT min(extract(epoch FROM ts)), max(date_part('epoch', ts)), sum(epoch(ts)) FROM trades"),
        Ordered("date_part abbreviations", "SELECT date_part('yr', max(ts)), date_part('mon', max(ts)), date_part('d', max(ts)), date_part('h', max(ts)), date_part('min', max(ts)), date_part('s', max(ts)), date_part('ms', max(ts)), date_part('us', max(ts)) FROM trades"),
        Ordered("decade century millennium era julian", "SELECT decade(min(time)), century(min(time)), millennium(min(time)), era(min(time)), julian(min(time)), date_part('julian', max(time)) FROM cpu"),
        Ordered("hour of day histogram", "SELECT hour(time) AS h, count(*), max(usage_system) FROM cpu GROUP BY h ORDER BY h"),

        // epoch forms.
        Ordered("epoch_ms epoch_us epoch_ns", "SELECT sum(epoch_ms(ts)), min(epoch_us(ts)), max(epoch_ns(ts)) FROM trades"),
        Ordered("epoch_ms round trip", "SELECT count(*) FROM trades WHERE epoch_ms(epoch_ms(ts)) = date_trunc('millisecond', ts)"),
        Ordered("to_timestamp round trip", "SELECT count(*), min(to_timestamp(epoch(ts))) FROM trades WHERE to_timestamp(epoch(ts)) = ts"),
        Ordered("make_timestamp from parts", "SELECT count(*) FROM cpu WHERE make_timestamp(year(time), month(time), day(time), hour(time), minute(time), second(time)) = date_trunc('second', time)"),

        // strftime.
        Ordered("strftime hour label", "SELECT strftime(time, '%Y-%m-%d %H:00') AS h, count(*) FROM cpu GROUP BY h ORDER BY h"),
        Ordered("strftime names", "SELECT DISTINCT strftime(time, '%a %A %b %B %d %-d %j %U %W %V %G %u %w') AS s FROM cpu ORDER BY s"),
        Ordered("strftime clock", "SELECT strftime(min(ts), '%H:%M:%S.%f %g %I %p %-I %-H %-M %-S %y %-y %-m %-j'), strftime(min(ts), '%n'), strftime(min(ts), '100%% at %H'), strftime(max(ts), '%c|%x|%X|%T|%z|%Z') FROM trades"),
        Ordered("strftime format first", "SELECT strftime('%Y/%m/%d', max(ts)) FROM trades"),

        // strptime.
        Ordered("strptime round trip", "SELECT count(*), min(strptime(strftime(ts, '%Y-%m-%d %H:%M:%S.%f'), '%Y-%m-%d %H:%M:%S.%f')) FROM trades WHERE strptime(strftime(ts, '%d/%m/%Y %H:%M:%S'), '%d/%m/%Y %H:%M:%S') = date_trunc('second', ts)"),
        Ordered("strptime grouped by a label", "SELECT strptime(strftime(time, '%Y-%m-%d %H'), '%Y-%m-%d %H') AS h, count(*) FROM cpu GROUP BY h ORDER BY h"),
        Ordered("strptime literals", "SELECT strptime('2021-01-03 04:05:06', '%Y-%m-%d %H:%M:%S'), strptime('03/01/2021', '%d/%m/%Y'), strptime('2021-01-03 04:05:06.5', '%Y-%m-%d %H:%M:%S.%f'), strptime('20210103', '%Y%m%d'), strptime('3/1/2021', '%d/%m/%Y'), strptime('  2021-01-03 ', '%Y-%m-%d')"),
        Ordered("strptime names and twelve-hour clock", "SELECT strptime('Sun Jan 3 2021 4 PM', '%a %b %-d %Y %-I %p'), strptime('JANUARY 3 2021', '%B %d %Y'), strptime('12 AM', '%I %p'), strptime('12 pm', '%I %p'), strptime('Sunday 2021-01-03', '%A %Y-%m-%d')"),
        Ordered("strptime two-digit years and day of year", "SELECT strptime('21-1-3', '%y-%m-%d'), strptime('69-1-3', '%y-%m-%d'), strptime('68-1-3', '%y-%m-%d'), strptime('2021 045', '%Y %j'), strptime('2024 366', '%Y %j'), strptime('2021-05-06 045', '%Y-%m-%d %j')"),
        Ordered("strptime clock forms and NULL", "SELECT strptime('04:05:06', '%X'), strptime('2021-01-03 04:05:06', '%c'), strptime('2021-01-03', '%x'), strptime('1969-12-31 23:59:59.999', '%Y-%m-%d %H:%M:%S.%g'), strptime(NULL, '%Y'), strptime('2021', NULL)"),
        Ordered("try_strptime", "SELECT try_strptime('2021-02-30', '%Y-%m-%d'), try_strptime('2021-02-28', '%Y-%m-%d'), try_strptime('x', '%Y'), try_strptime('2021-01-03 24:00:00', '%Y-%m-%d %H:%M:%S')"),

        // time_bucket with an offset or an origin.
        Ordered("time_bucket with offset", "SELECT time_bucket(INTERVAL '10 minutes', ts, INTERVAL '3 minutes') AS b, count(*), min(ts) FROM trades GROUP BY b ORDER BY b"),
        Ordered("time_bucket with origin", "SELECT time_bucket(INTERVAL '1 hour', time, TIMESTAMP '2016-01-01 00:20:00') AS b, count(*) FROM cpu GROUP BY b ORDER BY b"),
        Ordered("time_bucket with negative offset", "SELECT time_bucket(INTERVAL '1 day', time, -INTERVAL '6 hours') AS b, count(*) FROM cpu GROUP BY b ORDER BY b"),

        // Temporal arithmetic.
        Ordered("timestamp minus timestamp", "SELECT symbol, epoch(max(ts) - min(ts)) FROM trades GROUP BY symbol ORDER BY symbol"),
        Ordered("timestamp plus interval times number", "SELECT count(*) FROM trades WHERE ts < TIMESTAMP '2024-01-01' + INTERVAL '15 minutes' * 2"),
        Ordered("interval scaled", "SELECT epoch(INTERVAL '1 hour' * 3), epoch(2 * INTERVAL '90 seconds'), epoch(INTERVAL '1 hour' * 1.5), epoch(INTERVAL '1 hour' / 4), epoch(INTERVAL '10 seconds' / 3), epoch(INTERVAL '5 microseconds' / 2)"),
        Ordered("interval scaled by column", "SELECT sum(epoch(INTERVAL '1 second' * volume)), max(epoch(INTERVAL '1 minute' / volume)) FROM trades"),

        // Literal timestamps: before 1970, leap years, ISO week edges.
        Ordered("pre-1970 fields", "SELECT year(TIMESTAMP '1969-12-31 23:59:59.5'), month(TIMESTAMP '1969-12-31 23:59:59.5'), day(TIMESTAMP '1969-12-31 23:59:59.5'), hour(TIMESTAMP '1969-12-31 23:59:59.5'), second(TIMESTAMP '1969-12-31 23:59:59.5'), millisecond(TIMESTAMP '1969-12-31 23:59:59.5'), microsecond(TIMESTAMP '1969-12-31 23:59:59.5')"),
        Ordered("pre-1970 epoch", "SELECT epoch(TIMESTAMP '1969-12-31 23:59:59.5'), epoch_ms(TIMESTAMP '1969-12-31 23:59:59.5'), epoch_us(TIMESTAMP '1900-01-01 00:00:00.000001'), epoch_ns(TIMESTAMP '1969-07-20 20:17:40'), epoch_ms(TIMESTAMP '1969-12-31 23:59:59.9995')"),
        Ordered("pre-1970 date_trunc", "SELECT date_trunc('second', TIMESTAMP '1969-12-31 23:59:59.5'), date_trunc('minute', TIMESTAMP '1969-12-31 23:59:59.5'), date_trunc('day', TIMESTAMP '1969-12-31 23:59:59.5'), date_trunc('week', TIMESTAMP '1969-12-31 23:59:59.5'), date_trunc('month', TIMESTAMP '1969-12-31 23:59:59.5'), date_trunc('decade', TIMESTAMP '1969-12-31 23:59:59.5')"),
        Ordered("pre-1970 weekdays", "SELECT dayofweek(TIMESTAMP '1969-12-28'), isodow(TIMESTAMP '1969-12-28'), week(TIMESTAMP '1969-12-29'), isoyear(TIMESTAMP '1969-12-29'), dayofyear(TIMESTAMP '1968-12-31'), quarter(TIMESTAMP '1900-11-30')"),
        Ordered("leap days", "SELECT dayofyear(TIMESTAMP '2024-12-31'), dayofyear(TIMESTAMP '2023-12-31'), dayofyear(TIMESTAMP '2000-12-31'), dayofyear(TIMESTAMP '1900-12-31'), day(TIMESTAMP '2024-02-28' + INTERVAL '1 day'), month(TIMESTAMP '2023-02-28' + INTERVAL '1 day')"),
        Ordered("ISO weeks around January 1", "SELECT week(TIMESTAMP '2021-01-03'), isoyear(TIMESTAMP '2021-01-03'), week(TIMESTAMP '2021-01-04'), week(TIMESTAMP '2024-12-30'), isoyear(TIMESTAMP '2024-12-30'), week(TIMESTAMP '2027-01-01'), isoyear(TIMESTAMP '2027-01-01'), week(TIMESTAMP '2020-12-31'), yearweek(TIMESTAMP '2027-01-01')"),
        Ordered("ISO date_trunc around January 1", "SELECT date_trunc('week', TIMESTAMP '2021-01-03 12:00'), date_trunc('isoyear', TIMESTAMP '2021-01-03'), date_trunc('isoyear', TIMESTAMP '2024-12-30'), date_trunc('week', TIMESTAMP '2024-01-01'), date_trunc('yearweek', TIMESTAMP '2027-01-01')"),
        Ordered("century boundaries", "SELECT century(TIMESTAMP '2000-12-31'), century(TIMESTAMP '2001-01-01'), millennium(TIMESTAMP '2000-01-01'), millennium(TIMESTAMP '2001-01-01'), date_trunc('century', TIMESTAMP '2000-12-31'), date_trunc('millennium', TIMESTAMP '1999-06-01'), decade(TIMESTAMP '1969-01-01')"),
        Ordered("date_trunc odd specifiers", "SELECT date_trunc('epoch', TIMESTAMP '2021-01-03 04:05:06.7'), date_trunc('dow', TIMESTAMP '2021-01-03 04:05'), date_trunc('doy', TIMESTAMP '2021-01-03 04:05'), date_trunc('quarter', TIMESTAMP '2024-08-15'), date_trunc('QUARTER', TIMESTAMP '2024-12-31 23:59:59.999999')"),
        Ordered("NULL arguments", "SELECT date_part('year', NULL::TIMESTAMP), date_trunc('day', NULL::TIMESTAMP), year(NULL::TIMESTAMP), epoch(NULL::TIMESTAMP), epoch_ms(NULL), strftime(NULL::TIMESTAMP, '%Y'), date_part(NULL, TIMESTAMP '2021-01-01'), date_trunc(NULL, TIMESTAMP '2021-01-01')"),
        Ordered("to_timestamp rounding", "SELECT to_timestamp(1.5), to_timestamp(-1.5), to_timestamp(1.0000005), to_timestamp(-1.0000005), to_timestamp(-0.0000006), to_timestamp(0), to_timestamp(1700000000)"),
        Ordered("make_timestamp", "SELECT make_timestamp(2024, 2, 29, 23, 59, 59.5), make_timestamp(2024, 2, 29, 24, 0, 0), make_timestamp(2024, 2, 29, 23, 59, 60), make_timestamp(1969, 12, 31, 23, 59, 59.9999999), make_timestamp(1900, 1, 1, 0, 0, 0), make_timestamp(-1500000), make_timestamp(2024, 1, 1, 1, 1, NULL)"),
        Ordered("strftime literals", "SELECT strftime(TIMESTAMP '1969-12-31 23:59:59.5', '%Y-%m-%d %H:%M:%S.%f %g %j %U %W %V %G'), strftime(TIMESTAMP '2021-01-03 14:05:06', '%I %p %-I'), strftime(TIMESTAMP '2021-01-03 00:05:06', '%I %p'), strftime(TIMESTAMP '0099-01-03', '%Y %y %-y'), strftime(TIMESTAMP '2023-01-01', '%G %V %U %W'), strftime(TIMESTAMP '2021-01-03', 'ü %Y ✓')"),
        Ordered("time_bucket literal forms", "SELECT time_bucket(INTERVAL '1 hour', TIMESTAMP '2024-01-01 10:30', INTERVAL '15 minutes'), time_bucket(INTERVAL '1 hour', TIMESTAMP '2024-01-01 10:10', INTERVAL '15 minutes'), time_bucket(INTERVAL '1 day', TIMESTAMP '2024-01-01 10:30', TIMESTAMP '2024-01-01 12:00'), time_bucket(INTERVAL '7 days', TIMESTAMP '1969-12-31 10:30', TIMESTAMP '1900-01-01'), time_bucket(INTERVAL '1 hour', TIMESTAMP '2024-01-01 10:30', NULL::INTERVAL)"),
        Ordered("timestamp differences before 1970", "SELECT epoch(TIMESTAMP '2024-01-03' - TIMESTAMP '1969-01-01 00:00:00.5'), epoch(TIMESTAMP '1969-12-31' - TIMESTAMP '1970-01-01 12:00'), TIMESTAMP '1969-12-31 23:00' + INTERVAL '90 minutes', TIMESTAMP '1970-01-01' - INTERVAL '1 microsecond'"),
    ];

    private IReadOnlyList<DuckDbQueryResult> _expected = [];

    public static IEnumerable<TestCaseData> Queries() => s_queries.Select((q, i) => new TestCaseData(i).SetName($"{q.Name}: {q.EngineSql}"));

    [OneTimeSetUp]
    public async Task RunDuckDbOnce() => _expected = await DuckDbOracle.QueryAsync(s_catalog.Value, s_queries);

    [Test]
    public void QueryList_HasAtLeastFortyQueries() => Assert.That(s_queries, Has.Length.GreaterThanOrEqualTo(40));

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
}
