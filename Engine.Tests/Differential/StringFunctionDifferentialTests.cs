using Engine.Bench.Queries;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Tests.Support;

namespace Engine.Tests.Differential;

/// <summary>
/// The string functions and LIKE of issue 11 against DuckDB: over the <c>words</c> table of awkward strings
/// (NULL, empty, accents, a combining accent, surrogate pairs, LIKE metacharacters, a backslash), with
/// constant and per-row arguments, and over the dictionary-encoded <c>symbol</c> and <c>hostname</c> columns
/// of the differential data sets, in SELECT, WHERE, GROUP BY and FILTER. Each query runs serially and on two
/// threads with small chunks, and must give DuckDB's rows and types.
/// </summary>
[NonParallelizable]
public sealed class StringFunctionDifferentialTests
{
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(() =>
    {
        var catalog = DifferentialDataSets.CreateCatalog();
        WordsTable.Register(catalog);
        return catalog;
    });

    private static readonly DifferentialQuery[] s_queries =
    [
        // Per-value functions over the words table.
        Ordered("lower upper", "SELECT id, lower(s), upper(s), lcase(s), ucase(s) FROM words ORDER BY id"),
        Ordered("length", "SELECT id, length(s), char_length(s), length(pattern) FROM words ORDER BY id"),
        Ordered("reverse", "SELECT id, reverse(s) FROM words ORDER BY id"),
        Ordered("substr constant", "SELECT id, substr(s, 2, 3), substring(s, -2), substr(s, 0, 2), substr(s, 3) FROM words ORDER BY id"),
        Ordered("substr per row", "SELECT id, substr(s, n, 2), substr(s, n), substr(s, n, -2), substr(s, 2, n) FROM words ORDER BY id"),
        Ordered("left right", "SELECT id, left(s, 2), right(s, 2), left(s, -1), right(s, -3), left(s, n), right(s, n) FROM words ORDER BY id"),
        Ordered("concat", "SELECT id, concat(s, '|', pattern), concat(id, s), concat(NULL, s), concat(s, 1.5, true) FROM words ORDER BY id"),
        Ordered("concat operator", "SELECT id, s || '!', s || pattern, id || s, '<' || s || '>' FROM words ORDER BY id"),
        Ordered("trim one argument", "SELECT id, trim(s), ltrim(s), rtrim(s) FROM words ORDER BY id"),
        Ordered("trim characters", "SELECT id, trim(s, 'Hoe '), ltrim(s, 'a'), rtrim(s, 'ße'), trim(s, pattern) FROM words ORDER BY id"),
        Ordered("replace", "SELECT id, replace(s, 'l', 'L'), replace(s, '', 'x'), replace(s, 'a', ''), replace(s, s, pattern) FROM words ORDER BY id"),
        Ordered("split_part", "SELECT id, split_part(s, ',', 2), split_part(s, ',', -1), split_part(s, '', 2), split_part(s, ' ', 1), split_part(s, ',', n) FROM words ORDER BY id"),
        Ordered("starts ends contains", "SELECT id, starts_with(s, 'a'), ends_with(s, 'b'), contains(s, '%'), prefix(s, 'He'), suffix(s, ''), contains(s, pattern) FROM words ORDER BY id"),
        Ordered("strpos", "SELECT id, strpos(s, 'b'), instr(s, 'ß'), strpos(s, ''), strpos(s, '𐐀') FROM words ORDER BY id"),
        Ordered("repeat", "SELECT id, repeat(s, 2), repeat(s, n), repeat(s, 0) FROM words ORDER BY id"),
        Ordered("lpad rpad", "SELECT id, lpad(s, 8, '*'), rpad(s, 3, 'ab'), lpad(s, 5, '😀'), rpad(s, 12, 'xy') FROM words ORDER BY id"),
        Ordered("nested calls", "SELECT id, length(lower(s)), upper(substr(s, 1, 1)) || lower(substr(s, 2)), reverse(trim(s)), lpad(left(s, 3), 4, '.') FROM words ORDER BY id"),

        // LIKE, ILIKE and regexp_matches over the words table.
        Ordered("LIKE constant patterns", "SELECT id, s LIKE '%a%', s LIKE '_%', s LIKE '%\\%', s LIKE 'H_llo', s LIKE '', s LIKE '%' FROM words ORDER BY id"),
        Ordered("LIKE per-row pattern", "SELECT id, s LIKE pattern, s NOT LIKE pattern, s ILIKE pattern, s NOT ILIKE pattern FROM words ORDER BY id"),
        Ordered("LIKE ESCAPE", "SELECT id, s LIKE '%!%%' ESCAPE '!', s LIKE '%#_%' ESCAPE '#', s LIKE '%\\\\%' ESCAPE '\\', s LIKE pattern ESCAPE '!', s NOT LIKE '%!_%' ESCAPE '!' FROM words ORDER BY id"),
        Ordered("ILIKE non-ASCII", "SELECT id, s ILIKE '%SS%', s ILIKE 'ä%', s ILIKE 'σ%', s ILIKE '%STRASSE', s ILIKE '𐐀%', s ILIKE 'hello' FROM words ORDER BY id"),
        Ordered("LIKE in WHERE", "SELECT id FROM words WHERE s LIKE '%l%' ORDER BY id"),
        Ordered("NOT LIKE in WHERE", "SELECT id FROM words WHERE s NOT LIKE '%a%' ORDER BY id"),
        Ordered("ILIKE in WHERE with AND", "SELECT id FROM words WHERE s ILIKE '%A%' AND length(s) > 4 ORDER BY id"),
        Ordered("regexp_matches", "SELECT id, regexp_matches(s, '^[a-z]'), regexp_matches(s, '[0-9]+'), regexp_matches(s, 'l{2}'), regexp_matches(s, 'HELLO', 'i') FROM words ORDER BY id"),
        Ordered("regexp_matches in WHERE", "SELECT id FROM words WHERE regexp_matches(s, '(a|e)') ORDER BY id"),
        Ordered("group by a text function", "SELECT lower(s) AS k, count(*) FROM words GROUP BY k ORDER BY k"),
        Ordered("order by length", "SELECT id, s FROM words ORDER BY length(s) DESC, id"),

        // Dictionary-encoded columns of the differential data sets.
        Ordered("LIKE prefix filter", "SELECT symbol, count(*), sum(volume) FROM trades WHERE symbol LIKE 'S000%' GROUP BY symbol ORDER BY symbol"),
        Ordered("NOT LIKE suffix filter", "SELECT symbol, count(*) FROM trades WHERE symbol NOT LIKE '%1' GROUP BY symbol ORDER BY symbol"),
        Ordered("ILIKE exact filter", "SELECT count(*), min(price) FROM trades WHERE symbol ILIKE 's0002'"),
        Ordered("LIKE underscore filter", "SELECT symbol, count(*) FROM trades WHERE symbol LIKE 'S_0_3' GROUP BY symbol ORDER BY symbol"),
        Ordered("LIKE after a time filter", "SELECT symbol, count(*) FROM trades WHERE volume > 500 AND symbol LIKE '%0%2' GROUP BY symbol ORDER BY symbol"),
        Ordered("LIKE OR LIKE", "SELECT symbol, count(*) FROM trades WHERE symbol LIKE 'S0001' OR symbol LIKE '%4' GROUP BY symbol ORDER BY symbol"),
        Ordered("lower as group key", "SELECT lower(symbol), count(*) FROM trades GROUP BY 1 ORDER BY 1"),
        Ordered("concat operator as group key", "SELECT symbol || '-' || volume % 3 AS k, count(*) FROM trades GROUP BY k ORDER BY k"),
        Ordered("substr cast as group key", "SELECT CAST(substr(symbol, 2) AS BIGINT) AS n, sum(volume) FROM trades GROUP BY n ORDER BY n"),
        Ordered("starts_with and contains filter", "SELECT count(*) FROM trades WHERE starts_with(symbol, 'S') AND contains(symbol, '3')"),
        Ordered("regexp_matches filter", "SELECT symbol, count(*) FROM trades WHERE regexp_matches(symbol, '[24]$') GROUP BY symbol ORDER BY symbol"),
        Ordered("right as group key", "SELECT right(symbol, 1) AS d, avg(price) FROM trades GROUP BY d ORDER BY d"),
        Ordered("LIKE in FILTER", "SELECT count(*) FILTER (WHERE symbol LIKE '%2'), count(*) FILTER (WHERE symbol NOT ILIKE 's%'), count(*) FILTER (WHERE ends_with(symbol, '3')) FROM trades"),
        Ordered("lpad of a cast", "SELECT lpad(CAST(volume AS VARCHAR), 5, '0') AS v, count(*) FROM trades WHERE volume < 5 GROUP BY v ORDER BY v"),
        Ordered("concat per row", "SELECT ts, concat(symbol, ':', volume), length(symbol || volume) FROM trades ORDER BY ts, symbol LIMIT 10"),
        Ordered("CASE over LIKE", "SELECT CASE WHEN symbol LIKE '%1' THEN 'one' WHEN symbol LIKE '%2' THEN 'two' ELSE 'other' END AS k, count(*) FROM trades GROUP BY k ORDER BY k"),
        Ordered("LIKE ESCAPE over hostnames", "SELECT hostname, count(*) FROM cpu WHERE hostname LIKE 'host\\_%' ESCAPE '\\' GROUP BY hostname ORDER BY hostname"),
        Ordered("ILIKE over hostnames", "SELECT upper(hostname), max(usage_user) FROM cpu WHERE hostname ILIKE 'HOST_1%' GROUP BY 1 ORDER BY 1"),
        Ordered("split_part as group key", "SELECT split_part(hostname, '_', 2) AS n, count(*) FROM cpu GROUP BY n ORDER BY n"),

        // Constants.
        Ordered("constant calls", "SELECT 'a' || 'b', concat('x', NULL, 1), length('😀'), substr('hello', -3, 2), left('abc', -1), 'A_%' LIKE 'a!_!%' ESCAPE '!', 'A_%' ILIKE 'a!_!%' ESCAPE '!'"),
        Ordered("constant calls 2", "SELECT strpos('a😀b', 'b'), reverse('ex'), repeat('-', 3), lpad('7', 3, '0'), trim('xxhixx', 'x'), split_part('a-b', '-', 2), upper('straße')"),
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
}
