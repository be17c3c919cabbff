using Engine.Bench.Queries;
using Engine.Core.Columns;
using Engine.Core.Generators;

namespace Engine.Tests.Support;

/// <summary>
/// Generates random queries over the SQL of issue 11, in Engine's and DuckDB's dialect, from a seed (the same
/// seed gives the same queries): CASE (searched and simple, with and without ELSE), CAST / <c>::</c>,
/// COALESCE / NULLIF / IFNULL, IS [NOT] DISTINCT FROM, boolean tests, DISTINCT (also inside aggregates),
/// <c>FILTER (WHERE …)</c>, GROUP BY ALL / positions / aliases, HAVING on aliases, OFFSET, derived tables,
/// WITH (a later CTE reading an earlier one), UNION [ALL] / INTERSECT / EXCEPT, scalar and <c>IN</c>
/// subqueries and SELECT without FROM; and, per <see cref="FeatureFamilies"/>, the math, text and time
/// functions and the statistical aggregates. Results are kept deterministic: group keys are exact (integers,
/// strings, timestamps), a LIMIT always follows a total order, and unordered results compare as multisets.
/// Not thread-safe.
/// </summary>
public sealed class FeatureQueryGenerator
{
    private static readonly string[] s_comparisons = ["=", "<>", "<", "<=", ">", ">="];
    private static readonly string[] s_arithmetic = ["+", "-", "*"];
    private static readonly string[] s_setOperations = ["UNION", "UNION ALL", "INTERSECT", "EXCEPT"];
    private static readonly string[] s_truncUnits = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"];
    private static readonly string[] s_parts = ["year", "quarter", "month", "week", "day", "dow", "doy", "hour", "minute", "second", "millisecond", "microsecond"];
    private static readonly string[] s_likePatterns = ["S000%", "%1", "S_00_", "%0%", "h%", "%st%", "%_1%", "__", "%"];

    private readonly int _seed;
    private readonly FeatureFamilies _families;
    private readonly DeterministicRandom _random;
    private readonly IReadOnlyList<RandomQueryTable> _tables;
    private int _generated;

    /// <summary>Generates queries over the tables these options make, using the function families in <paramref name="families"/>.</summary>
    public FeatureQueryGenerator(int seed, TradesOptions trades, CpuOptions cpu, FeatureFamilies families)
    {
        _seed = seed;
        _families = families;
        _random = new DeterministicRandom(unchecked((ulong)seed), 0xFEA7);
        _tables = [RandomQueryTable.ForTrades(trades), RandomQueryTable.ForCpu(cpu)];
    }

    /// <summary>The next <paramref name="count"/> queries.</summary>
    public IReadOnlyList<DifferentialQuery> Generate(int count)
    {
        var queries = new List<DifferentialQuery>(count);
        for (var i = 0; i < count; i++)
        {
            queries.Add(Next());
        }

        return queries;
    }

    /// <summary>The next query, of a random shape over a random table.</summary>
    public DifferentialQuery Next()
    {
        var table = Pick(_tables);
        var name = $"feature-{_seed}-{_generated++}";
        var roll = _random.NextDouble();
        return roll < 0.35 ? Grouped(name, table)
            : roll < 0.5 ? Projection(name, table)
            : roll < 0.6 ? Distinct(name, table)
            : roll < 0.72 ? Nested(name, table)
            : roll < 0.82 ? SetOperation(name, table)
            : roll < 0.92 ? Subquery(name, table)
            : WithoutFrom(name);
    }

    private DifferentialQuery Grouped(string name, RandomQueryTable table)
    {
        var keyCount = Between(1, 2);
        var keys = new List<DualSql>();
        for (var i = 0; i < keyCount; i++)
        {
            keys.Add(GroupKey(table));
        }

        var aggregates = new List<DualSql>();
        var exact = new List<string>();
        var count = Between(1, 4);
        for (var i = 0; i < count; i++)
        {
            var (call, isExact) = Aggregate(table);
            aggregates.Add(DualSql.Format("{0} AS a" + i, call));
            if (isExact)
            {
                exact.Add("a" + i);
            }
        }

        var select = keys.Select((k, i) => DualSql.Format("{0} AS k" + i, k)).Concat(aggregates);
        var groupBy = Between(0, 2) switch
        {
            0 => "ALL",
            1 => string.Join(", ", keys.Select((_, i) => (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            _ => string.Join(", ", keys.Select((_, i) => "k" + i)),
        };
        var where = Chance(0.6) ? DualSql.Format(" WHERE {0}", Predicate(table, 2)) : DualSql.Same(string.Empty);
        var having = exact.Count > 0 && Chance(0.3)
            ? DualSql.Same($" HAVING {Pick(exact)} {Pick(s_comparisons)} {Between(0, 50)}")
            : DualSql.Same(string.Empty);
        var keyOrder = string.Join(", ", keys.Select((_, i) => $"k{i} {Direction()} NULLS {(Chance(0.5) ? "FIRST" : "LAST")}"));
        var tail = Between(0, 2) switch
        {
            0 => string.Empty,
            1 => $" ORDER BY {keyOrder}",
            _ => $" ORDER BY {keyOrder} LIMIT {Between(1, 10)} OFFSET {Between(0, 5)}",
        };
        var sql = DualSql.Format("SELECT {0} FROM " + table.Name + "{1} GROUP BY " + groupBy + "{2}" + tail, DualSql.Join(", ", select), where, having);
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: tail.Length > 0);
    }

    private DifferentialQuery Projection(string name, RandomQueryTable table)
    {
        var items = new List<DualSql> { DualSql.Same(table.KeyColumn), DualSql.Same(table.TimeColumn) };
        var extra = Between(1, 3);
        for (var i = 0; i < extra; i++)
        {
            var roll = _random.NextDouble();
            var item = roll < 0.4 ? Number(table, 2).Sql : roll < 0.65 ? Text(table) : roll < 0.8 ? Time(table) : Predicate(table, 1);
            items.Add(DualSql.Format("{0} AS e" + i, item));
        }

        var where = DualSql.Format(" WHERE {0}", Predicate(table, 2));
        var order = $" ORDER BY {table.KeyColumn} {Direction()}, {table.TimeColumn} {Direction()} LIMIT {Between(1, 25)}"
            + (Chance(0.5) ? $" OFFSET {Between(1, 30)}" : string.Empty);
        var sql = DualSql.Format("SELECT {0} FROM " + table.Name + "{1}" + order, DualSql.Join(", ", items), where);
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: true);
    }

    private DifferentialQuery Distinct(string name, RandomQueryTable table)
    {
        var items = new List<DualSql> { GroupKey(table) };
        if (Chance(0.5))
        {
            items.Add(GroupKey(table));
        }

        var where = Chance(0.7) ? DualSql.Format(" WHERE {0}", Predicate(table, 2)) : DualSql.Same(string.Empty);
        var sql = DualSql.Format("SELECT DISTINCT {0} FROM " + table.Name + "{1}", DualSql.Join(", ", items), where);
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: false);
    }

    /// <summary>An outer aggregate over an inner GROUP BY, as a derived table or as one or two CTEs.</summary>
    private DifferentialQuery Nested(string name, RandomQueryTable table)
    {
        var key = GroupKey(table);
        var (first, _) = ExactAggregate(table);
        var (second, _) = Aggregate(table);
        var inner = DualSql.Format("SELECT {0} AS k, {1} AS v, {2} AS w FROM " + table.Name + " GROUP BY 1", key, first, second);
        var outer = Between(0, 3) switch
        {
            0 => "count(*), max(v), min(w)",
            1 => "sum(v), count(DISTINCT k)",
            2 => "count(*) FILTER (WHERE v > 10), max(k)",
            _ => "avg(v), min(v)",
        };
        var threshold = Between(0, 100);
        DualSql sql;
        switch (Between(0, 2))
        {
            case 0:
                sql = DualSql.Format("SELECT " + outer + " FROM ({0}) AS s WHERE v >= " + threshold, inner);
                break;
            case 1:
                sql = DualSql.Format("WITH s AS ({0}) SELECT " + outer + " FROM s", inner);
                break;
            default:
                sql = DualSql.Format(
                    "WITH s AS ({0}), t AS (SELECT k, v, w FROM s WHERE v >= " + threshold + ") SELECT k, v FROM t ORDER BY v DESC, k NULLS LAST LIMIT 5",
                    inner);
                break;
        }

        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: true);
    }

    private DifferentialQuery SetOperation(string name, RandomQueryTable table)
    {
        var item = Chance(0.5) ? Text(table) : IntegerKey(table);
        var left = DualSql.Format("SELECT {0} AS v FROM " + table.Name + " WHERE {1}", item, Predicate(table, 1));
        var right = DualSql.Format("SELECT {0} FROM " + table.Name + " WHERE {1}", item, Predicate(table, 1));
        var operation = Pick(s_setOperations);
        if (operation == "UNION ALL")
        {
            // Keep the result small: a UNION ALL of two table-sized halves is a large comparison for nothing.
            left = DualSql.Format("SELECT DISTINCT {0} AS v FROM " + table.Name + " WHERE {1}", item, Predicate(table, 1));
            right = DualSql.Format("SELECT DISTINCT {0} FROM " + table.Name + " WHERE {1}", item, Predicate(table, 1));
        }

        var ordered = Chance(0.4);
        var sql = DualSql.Format("{0} " + operation + " {1}" + (ordered ? " ORDER BY v NULLS FIRST" : string.Empty), left, right);
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, ordered);
    }

    private DifferentialQuery Subquery(string name, RandomQueryTable table)
    {
        var number = Pick(table.Numbers).Column;
        var tag = Pick(table.Tags);
        DualSql sql;
        switch (Between(0, 2))
        {
            case 0:
                sql = DualSql.Format(
                    "SELECT count(*), max(" + number + ") FROM " + table.Name + " WHERE " + number + " > (SELECT avg(" + number + ") FROM " + table.Name + " WHERE {0})",
                    Predicate(table, 1));
                break;
            case 1:
                sql = DualSql.Format(
                    "SELECT count(*) FROM " + table.Name + " WHERE " + tag.Column + (Chance(0.5) ? " IN" : " NOT IN")
                    + " (SELECT " + tag.Column + " FROM " + table.Name + " WHERE {0} GROUP BY " + tag.Column + " HAVING count(*) > " + Between(0, 500) + ")",
                    Predicate(table, 1));
                break;
            default:
                sql = DualSql.Format(
                    "SELECT " + table.KeyColumn + ", max(" + number + ") - (SELECT min(" + number + ") FROM " + table.Name + ") AS spread FROM " + table.Name
                    + " GROUP BY " + table.KeyColumn + " ORDER BY " + table.KeyColumn);
                break;
        }

        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: true);
    }

    /// <summary>SELECT without FROM over literal edge values: NULL, NaN, ±Infinity, negatives, pre-1970 times, unicode.</summary>
    private DifferentialQuery WithoutFrom(string name)
    {
        var items = new List<DualSql>();
        var count = Between(1, 4);
        for (var i = 0; i < count; i++)
        {
            items.Add(DualSql.Format("{0} AS c" + i, LiteralExpression()));
        }

        var sql = DualSql.Format("SELECT {0}", DualSql.Join(", ", items));
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: true);
    }

    private DualSql LiteralExpression()
    {
        var numbers = new[] { "NULL", "0", "-7", "42", "9007199254740993", "2.5::DOUBLE", "-0.5::DOUBLE", "'nan'::DOUBLE", "'inf'::DOUBLE", "'-inf'::DOUBLE", "1e300::DOUBLE" };
        var texts = new[] { "NULL", "''", "'abc'", "'ÀÉÎ straße'", "'日本語'", "'a_b%c'", "' padded '" };
        var times = new[] { "TIMESTAMP '1969-12-31 23:59:59.5'", "TIMESTAMP '1900-02-28 12:00:00'", "TIMESTAMP '2024-02-29 23:59:59.999999'", "TIMESTAMP '2000-01-03 00:00:00'" };
        var n = Pick(numbers);
        var t = Pick(texts);
        var ts = Pick(times);
        var options = new List<string>
        {
            $"COALESCE({n}, 1)",
            $"NULLIF({n}, 0)",
            $"CASE WHEN {n} > 0 THEN 'pos' WHEN {n} < 0 THEN 'neg' ELSE 'other' END",
            $"CAST({n} AS VARCHAR)",
            $"{n} IS DISTINCT FROM 42",
            $"TRY_CAST({t} AS BIGINT)",
            $"{ts} + INTERVAL '90 minutes'",
            $"CAST({ts} AS VARCHAR)",
        };
        if (_families.HasFlag(FeatureFamilies.Math))
        {
            options.AddRange([$"abs({n})", $"sign({n})", $"round({n})", $"floor({n})", $"ceil({n})", $"greatest({n}, 3, NULL)", $"least({n}, -3)", $"round({n}, 1)", $"trunc({n})"]);
        }

        if (_families.HasFlag(FeatureFamilies.Text))
        {
            options.AddRange([$"lower({t})", $"upper({t})", $"length({t})", $"substr({t}, 2, 3)", $"{t} || 'x'", $"concat({t}, NULL, 'y')", $"trim({t})", $"replace({t}, 'a', 'Z')", $"{t} LIKE 'a%'", $"{t} ILIKE '%S%'", $"reverse({t})", $"left({t}, 2)", $"right({t}, 2)"]);
        }

        if (_families.HasFlag(FeatureFamilies.Time))
        {
            options.AddRange([
                $"date_trunc('{Pick(s_truncUnits)}', {ts})", $"date_part('{Pick(s_parts)}', {ts})", $"extract(epoch FROM {ts})", $"epoch_ms({ts})",
                $"strftime({ts}, '%Y-%m-%d %H:%M:%S')", $"{ts} - TIMESTAMP '1970-01-01 00:00:00'",
            ]);
        }

        return DualSql.Same(Pick(options));
    }

    /// <summary>An exact group key: a tag, a string or integer expression of few values, or a truncated time.</summary>
    private DualSql GroupKey(RandomQueryTable table)
    {
        var roll = _random.NextDouble();
        return roll < 0.35 ? Text(table) : roll < 0.7 ? IntegerKey(table) : Time(table);
    }

    private DualSql IntegerKey(RandomQueryTable table)
    {
        var options = new List<Func<DualSql>>
        {
            () => DualSql.Same($"CAST({Pick(table.Numbers).Column} AS BIGINT) % {Between(2, 7)}"),
            () => DualSql.Format("CASE WHEN {0} THEN 1 WHEN {1} THEN 2 END", Predicate(table, 0), Predicate(table, 0)),
            () => DualSql.Same($"NULLIF({Pick(table.Numbers).Column}::BIGINT % 3, 0)"),
        };
        if (_families.HasFlag(FeatureFamilies.Math))
        {
            var column = Pick(table.Numbers).Column;
            options.Add(() => DualSql.Same($"floor({column} / {Between(5, 40)})"));
            options.Add(() => DualSql.Same($"ceil(sqrt({column}))"));
            options.Add(() => DualSql.Same($"sign({column} - {Between(40, 120)})"));
            options.Add(() => DualSql.Same($"greatest({column}::BIGINT % 5, 2)"));
        }

        if (_families.HasFlag(FeatureFamilies.Time))
        {
            options.Add(() => DualSql.Same($"date_part('{Pick(["hour", "minute", "dow", "day", "second"])}', {table.TimeColumn})"));
            options.Add(() => DualSql.Same($"extract(hour FROM {table.TimeColumn})"));
        }

        if (_families.HasFlag(FeatureFamilies.Text))
        {
            options.Add(() => DualSql.Same($"length({Pick(table.Tags).Column})"));
        }

        return Pick(options)();
    }

    private DualSql Text(RandomQueryTable table)
    {
        var tag = Pick(table.Tags);
        var options = new List<Func<DualSql>>
        {
            () => DualSql.Same(tag.Column),
            () => DualSql.Format("CASE WHEN {0} THEN 'a' WHEN {1} THEN 'b' ELSE " + tag.Column + " END", Predicate(table, 0), Predicate(table, 0)),
            () => DualSql.Format("CASE " + tag.Column + " WHEN {0} THEN 'x' WHEN {1} THEN 'y' END", DualSql.String(Pick(tag.Values)), DualSql.String(Pick(tag.Values))),
            () => DualSql.Same($"CAST(CAST({Pick(table.Numbers).Column} AS BIGINT) % {Between(2, 9)} AS VARCHAR)"),
            () => DualSql.Same($"COALESCE(NULLIF({tag.Column}, '{Pick(tag.Values)}'), 'none')"),
        };
        if (_families.HasFlag(FeatureFamilies.Text))
        {
            options.Add(() => DualSql.Same($"lower({tag.Column})"));
            options.Add(() => DualSql.Same($"upper({tag.Column})"));
            options.Add(() => DualSql.Same($"substr({tag.Column}, {Between(1, 3)}, {Between(1, 4)})"));
            options.Add(() => DualSql.Same($"{tag.Column} || '-' || {Pick(table.Tags).Column}"));
            options.Add(() => DualSql.Same($"concat({tag.Column}, '_', {Between(0, 9)})"));
            options.Add(() => DualSql.Same($"replace({tag.Column}, '0', 'o')"));
            options.Add(() => DualSql.Same($"right({tag.Column}, {Between(1, 3)})"));
            options.Add(() => DualSql.Same($"split_part({tag.Column}, '_', {Between(1, 2)})"));
        }

        if (_families.HasFlag(FeatureFamilies.Time))
        {
            options.Add(() => DualSql.Same($"strftime({table.TimeColumn}, '%Y-%m-%d %H')"));
        }

        return Pick(options)();
    }

    private DualSql Time(RandomQueryTable table)
    {
        var options = new List<Func<DualSql>>
        {
            () => DualSql.TimeBucket(DualSql.Interval("15m", "15 minutes"), table.TimeColumn),
            () => DualSql.Format("time_bucket({0}, " + table.TimeColumn + ") + INTERVAL '1 hour'", DualSql.Interval("1h", "1 hour")),
        };
        if (_families.HasFlag(FeatureFamilies.Time))
        {
            options.Add(() => DualSql.Same($"date_trunc('{Pick(["minute", "hour", "day"])}', {table.TimeColumn})"));
            options.Add(() => DualSql.Same($"date_trunc('hour', {table.TimeColumn}) - INTERVAL '30 minutes'"));
        }

        return Pick(options)();
    }

    /// <summary>A numeric expression and whether it is BIGINT.</summary>
    private (DualSql Sql, bool IsInteger) Number(RandomQueryTable table, int depth)
    {
        var number = Pick(table.Numbers);
        if (depth == 0 || Chance(0.3))
        {
            return (DualSql.Same(number.Column), number.IsInteger);
        }

        var roll = Between(0, _families.HasFlag(FeatureFamilies.Math) ? 9 : 6);
        switch (roll)
        {
            case 0:
            case 1:
                var left = Number(table, depth - 1);
                var right = Number(table, depth - 1);
                return (DualSql.Format("({0} " + Pick(s_arithmetic) + " {1})", left.Sql, right.Sql), left.IsInteger && right.IsInteger);
            case 2:
                var then = Number(table, depth - 1);
                var otherwise = Number(table, depth - 1);
                return (DualSql.Format("CASE WHEN {0} THEN {1} ELSE {2} END", Predicate(table, 0), then.Sql, otherwise.Sql), then.IsInteger && otherwise.IsInteger);
            case 3:
                return (DualSql.Format("CASE WHEN {0} THEN {1} END", Predicate(table, 0), Number(table, depth - 1).Sql), false);
            case 4:
                return (DualSql.Same($"COALESCE(NULLIF(CAST({number.Column} AS BIGINT) % 10, {Between(0, 9)}), -1)"), true);
            case 5:
                return (DualSql.Same($"IFNULL(NULLIF({number.Column}::BIGINT, {Between(1, 100)}), 0)"), true);
            case 6:
                return (DualSql.Same($"CAST({number.Column} AS DOUBLE) / {Between(1, 9)}"), false);
            case 7:
                return (DualSql.Same($"round({number.Column} / 3.0::DOUBLE, {Between(0, 3)})"), false);
            case 8:
                return (DualSql.Same($"abs({number.Column} - {Between(40, 120)})"), number.IsInteger);
            default:
                return (DualSql.Same($"greatest({number.Column}, {Between(20, 80)}) - least({number.Column}, {Between(20, 80)})"), number.IsInteger);
        }
    }

    private DualSql Predicate(RandomQueryTable table, int depth)
    {
        if (depth > 0 && Chance(0.35))
        {
            return Between(0, 2) switch
            {
                0 => DualSql.Format("({0} AND {1})", Predicate(table, depth - 1), Predicate(table, depth - 1)),
                1 => DualSql.Format("({0} OR {1})", Predicate(table, depth - 1), Predicate(table, depth - 1)),
                _ => DualSql.Format("(NOT {0})", Predicate(table, depth - 1)),
            };
        }

        var number = Pick(table.Numbers);
        var tag = Pick(table.Tags);
        var roll = Between(0, _families.HasFlag(FeatureFamilies.Text) ? 8 : 5);
        switch (roll)
        {
            case 0:
            case 1:
                return DualSql.Same($"{number.Column} {Pick(s_comparisons)} {Between((int)number.Low, (int)number.High)}");
            case 2:
                return DualSql.Same($"NULLIF({number.Column}::BIGINT % 4, 0) IS {(Chance(0.5) ? "NOT " : string.Empty)}DISTINCT FROM {Between(0, 3)}");
            case 3:
                return DualSql.Same($"({number.Column} > {Between((int)number.Low, (int)number.High)}) IS {(Chance(0.5) ? "NOT " : string.Empty)}{(Chance(0.5) ? "TRUE" : "FALSE")}");
            case 4:
                return DualSql.Same($"{tag.Column} {(Chance(0.7) ? "=" : "<>")} '{Pick(tag.Values)}'");
            case 5:
                return DualSql.Same($"CASE WHEN {number.Column} > {Between((int)number.Low, (int)number.High)} THEN {tag.Column} <> '{Pick(tag.Values)}' ELSE FALSE END");
            case 6:
            case 7:
                return DualSql.Same($"{tag.Column} {(Chance(0.3) ? "NOT " : string.Empty)}{(Chance(0.3) ? "ILIKE" : "LIKE")} '{Pick(s_likePatterns)}'");
            default:
                return DualSql.Same($"{Pick(["starts_with", "ends_with", "contains"])}({tag.Column}, '{Pick(["S", "1", "00", "st", "h"])}')");
        }
    }

    private (DualSql Sql, bool Exact) ExactAggregate(RandomQueryTable table)
    {
        var integer = IntegerColumn(table);
        return Between(0, 3) switch
        {
            0 => (DualSql.Same("count(*)"), true),
            1 => (DualSql.Format("count(*) FILTER (WHERE {0})", Predicate(table, 1)), true),
            2 => (DualSql.Format("sum(CASE WHEN {0} THEN " + integer + " ELSE 0 END)", Predicate(table, 1)), true),
            _ => (DualSql.Same($"count(DISTINCT {Pick(table.Tags).Column})"), true),
        };
    }

    /// <summary>An aggregate call and whether its value is an exact number (so HAVING may compare it with an integer).</summary>
    private (DualSql Sql, bool Exact) Aggregate(RandomQueryTable table)
    {
        var number = Pick(table.Numbers).Column;
        var integer = IntegerColumn(table);
        var roll = Between(0, _families.HasFlag(FeatureFamilies.Aggregates) ? 13 : 8);
        switch (roll)
        {
            case 0:
            case 1:
                return ExactAggregate(table);
            case 2:
                return (DualSql.Format("sum({0}) FILTER (WHERE {1})", Number(table, 1).Sql, Predicate(table, 1)), false);
            case 3:
                return (DualSql.Same($"sum(DISTINCT {integer})"), true);
            case 4:
                return (DualSql.Same($"avg(DISTINCT {integer})"), false);
            case 5:
                return (DualSql.Format("max({0})", Chance(0.5) ? Text(table) : Time(table)), false);
            case 6:
                return (DualSql.Format("min({0})", Number(table, 2).Sql), true);
            case 7:
                return (DualSql.Format("avg({0})", Number(table, 2).Sql), false);
            case 8:
                return (DualSql.Format("count({0})", Number(table, 2).Sql), true);
            case 9:
                return (DualSql.Same($"median({number})"), false);
            case 10:
                return (DualSql.Same($"quantile_cont({number}, {Pick(["0.1", "0.25", "0.75", "0.9"])})"), false);
            case 11:
                return (DualSql.Same($"quantile_disc({integer}, {Pick(["0.1", "0.5", "0.9"])})"), true);
            case 12:
                var other = Pick(table.Numbers).Column;
                return (DualSql.Same($"{Pick(["covar_pop", "covar_samp", "corr", "regr_slope", "regr_intercept"])}({number}, {other})"), false);
            default:
                return (DualSql.Same($"regr_count({number}, {integer})"), true);
        }
    }

    private static string IntegerColumn(RandomQueryTable table) =>
        table.Numbers.FirstOrDefault(n => n.IsInteger).Column is { } integer ? integer : $"CAST({table.Numbers[0].Column} AS BIGINT)";

    private string Direction() => Chance(0.5) ? "ASC" : "DESC";

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private int Between(int low, int high) => low + _random.NextInt32(high - low + 1);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.NextInt32(items.Count)];
}
