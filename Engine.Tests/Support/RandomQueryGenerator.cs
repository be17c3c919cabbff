using Engine.Bench.Queries;
using Engine.Core.Columns;
using Engine.Core.Generators;

namespace Engine.Tests.Support;

/// <summary>
/// Generates random queries over generated <c>trades</c> and <c>cpu</c> tables, each written in Engine's
/// and DuckDB's dialect (see <see cref="DualSql"/>), from a seed: the same seed gives the same queries.
/// Covers projections with WHERE / ORDER BY / LIMIT; every aggregate (count(*), count, count DISTINCT,
/// sum, min, max, avg, first, last, stddev/var pop/samp, vwap) with and without GROUP BY (by tags and by
/// time_bucket); HAVING; arithmetic; comparisons; AND / OR / NOT; IN; BETWEEN; IS [NOT] NULL; timestamp
/// literals. Results are kept deterministic: ORDER BY with LIMIT always covers a total order (all group
/// keys, or key and time), aggregates ordered on are exact ones, and first/last appear only where the time
/// column is unique (grouped by, or filtered to one value of, the partition key). Not thread-safe.
/// </summary>
public sealed class RandomQueryGenerator
{
    private static readonly string[] s_comparisons = ["=", "<>", "<", "<=", ">", ">="];
    private static readonly string[] s_arithmetic = ["+", "-", "*", "/"];
    private static readonly string[] s_statistics = ["stddev_pop", "stddev_samp", "var_pop", "var_samp"];
    private static readonly (string Engine, string DuckDb)[] s_intervals =
    [
        ("1 minute", "1 minute"), ("5m", "5 minutes"), ("15m", "15 minutes"), ("10 minutes", "10 minutes"),
        ("30s", "30 seconds"), ("1h", "1 hour"), ("1 hour", "1 hour"), ("1d", "1 day"),
    ];

    private readonly int _seed;
    private readonly DeterministicRandom _random;
    private readonly IReadOnlyList<RandomQueryTable> _tables;
    private int _generated;

    /// <summary>Generates queries over <see cref="DifferentialDataSets.Trades"/> and <see cref="DifferentialDataSets.Cpu"/>.</summary>
    public RandomQueryGenerator(int seed)
        : this(seed, DifferentialDataSets.Trades, DifferentialDataSets.Cpu)
    {
    }

    /// <summary>Generates queries over the tables these options make (a null option leaves that table out).</summary>
    public RandomQueryGenerator(int seed, TradesOptions? trades, CpuOptions? cpu)
    {
        var tables = new List<RandomQueryTable>();
        if (trades is not null)
        {
            tables.Add(RandomQueryTable.ForTrades(trades));
        }

        if (cpu is not null)
        {
            tables.Add(RandomQueryTable.ForCpu(cpu));
        }

        if (tables.Count == 0)
        {
            throw new ArgumentException("At least one of trades and cpu is needed.", nameof(trades));
        }

        _seed = seed;
        _random = new DeterministicRandom(unchecked((ulong)seed), 0x5EED);
        _tables = tables;
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

    /// <summary>The next query: a projection, a whole-table aggregate or a grouped aggregate over a random table.</summary>
    public DifferentialQuery Next()
    {
        var table = Pick(_tables);
        var name = $"random-{_seed}-{_generated++}";
        var roll = _random.NextDouble();
        return roll < 0.3 ? Projection(name, table)
            : roll < 0.5 ? WholeAggregate(name, table)
            : GroupedAggregate(name, table);
    }

    private DifferentialQuery Projection(string name, RandomQueryTable table)
    {
        var items = new List<DualSql> { DualSql.Same(table.KeyColumn), DualSql.Same(table.TimeColumn) };
        var extra = Between(1, 3);
        for (var i = 0; i < extra; i++)
        {
            var roll = _random.NextDouble();
            var item = roll < 0.6 ? NumericExpression(table, 2).Sql
                : roll < 0.75 ? DualSql.TimeBucket(Interval(), table.TimeColumn)
                : roll < 0.9 ? DualSql.Same(Chance(0.5) ? Pick(table.Numbers).Column : Pick(table.Tags).Column)
                : Comparison(table);
            items.Add(DualSql.Format("{0} AS e" + i, item));
        }

        var where = new List<DualSql>();
        if (Chance(0.8))
        {
            where.Add(Predicate(table, 2));
        }

        var mode = _random.NextDouble();
        var keyFirst = mode < 0.45;
        var timeFirst = !keyFirst && mode < 0.6;
        var limited = keyFirst || timeFirst;
        if (!limited)
        {
            // No LIMIT: keep the result small with a window of a few minutes.
            where.Add(TimeWindow(table));
        }

        string orderBy;
        bool ordered;
        if (limited || mode < 0.7)
        {
            var key = $"{table.KeyColumn} {Direction()}";
            var time = $"{table.TimeColumn} {Direction()}";
            orderBy = " ORDER BY " + (timeFirst ? $"{time}, {key}" : $"{key}, {time}");
            ordered = true;
        }
        else
        {
            orderBy = string.Empty;
            ordered = false;
        }

        var limit = limited ? $" LIMIT {Between(1, 20)}" : string.Empty;
        var sql = DualSql.Format("SELECT {0} FROM " + table.Name + "{1}" + orderBy + limit, DualSql.Join(", ", items), Where(where));
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, ordered);
    }

    private DifferentialQuery WholeAggregate(string name, RandomQueryTable table)
    {
        var where = new List<DualSql>();
        var pinned = Chance(0.5);
        if (pinned)
        {
            where.Add(DualSql.Format(table.KeyColumn + " = {0}", DualSql.String(Pick(table.Tags[0].Values))));
        }

        if (Chance(0.6))
        {
            where.Add(Predicate(table, 2));
        }

        var count = Between(1, 4);
        var items = new List<DualSql>();
        for (var i = 0; i < count; i++)
        {
            items.Add(DualSql.Format("{0} AS a" + i, Aggregate(table, allowFirstLast: pinned).Sql));
        }

        var sql = DualSql.Format("SELECT {0} FROM " + table.Name + "{1}", DualSql.Join(", ", items), Where(where));
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: true);
    }

    private DifferentialQuery GroupedAggregate(string name, RandomQueryTable table)
    {
        var byKey = Chance(0.6);
        var byBucket = Chance(0.5);
        var byTag = table.Tags.Count > 1 && Chance(0.4);
        if (!byKey && !byBucket && !byTag)
        {
            byBucket = true;
        }

        var selectKeys = new List<DualSql>();
        var groupKeys = new List<DualSql>();
        var orderKeys = new List<string>();
        if (byTag)
        {
            var tag = table.Tags[Between(1, table.Tags.Count - 1)].Column;
            selectKeys.Add(DualSql.Same(tag));
            groupKeys.Add(DualSql.Same(tag));
            orderKeys.Add(tag);
        }

        if (byKey)
        {
            selectKeys.Add(DualSql.Same(table.KeyColumn));
            groupKeys.Add(DualSql.Same(table.KeyColumn));
            orderKeys.Add(table.KeyColumn);
        }

        if (byBucket)
        {
            var bucket = DualSql.TimeBucket(Interval(), table.TimeColumn);
            selectKeys.Add(DualSql.Format("{0} AS k0", bucket));
            groupKeys.Add(bucket);
            orderKeys.Add("k0");
        }

        if (Chance(0.5))
        {
            // Keys need not come first in the select list.
            selectKeys.Reverse();
            groupKeys.Reverse();
        }

        var where = new List<DualSql>();
        var pinned = !byKey && Chance(0.3);
        if (pinned)
        {
            where.Add(DualSql.Format(table.KeyColumn + " = {0}", DualSql.String(Pick(table.Tags[0].Values))));
        }

        if (Chance(0.6))
        {
            where.Add(Predicate(table, Between(1, 2)));
        }

        var aggregates = new List<DualSql>();
        var exact = new List<string>();
        var count = Between(1, 4);
        for (var i = 0; i < count; i++)
        {
            var (sql, isExact) = Aggregate(table, allowFirstLast: byKey || pinned);
            aggregates.Add(DualSql.Format("{0} AS a" + i, sql));
            if (isExact)
            {
                exact.Add("a" + i);
            }
        }

        var having = Chance(0.3) ? DualSql.Format(" HAVING {0}", Having(table)) : DualSql.Same(string.Empty);
        var roll = _random.NextDouble();
        var orderBy = string.Empty;
        var limit = string.Empty;
        var ordered = roll >= 0.35;
        if (ordered)
        {
            var terms = orderKeys.Select(k => $"{k} {Direction()}").ToList();
            if (roll >= 0.75)
            {
                if (exact.Count == 0)
                {
                    aggregates.Add(DualSql.Same($"count(*) AS a{count}"));
                    exact.Add("a" + count);
                }

                terms.Insert(0, $"{Pick(exact)} {Direction()}");
            }

            orderBy = " ORDER BY " + string.Join(", ", terms);
            limit = Chance(roll >= 0.75 ? 0.7 : 0.5) ? $" LIMIT {Between(1, 20)}" : string.Empty;
        }

        var select = DualSql.Join(", ", selectKeys.Concat(aggregates));
        var query = DualSql.Format(
            "SELECT {0} FROM " + table.Name + "{1} GROUP BY {2}{3}" + orderBy + limit,
            select, Where(where), DualSql.Join(", ", groupKeys), having);
        return new DifferentialQuery(name, query.Engine, query.DuckDb, ordered);
    }

    /// <summary>An aggregate call (or arithmetic over two) and whether its value is exact, so ordering by it is safe.</summary>
    private (DualSql Sql, bool Exact) Aggregate(RandomQueryTable table, bool allowFirstLast)
    {
        var number = Pick(table.Numbers);
        var column = DualSql.Same(number.Column);
        switch (Between(0, 13))
        {
            case 0:
                return (DualSql.Same("count(*)"), true);
            case 1:
                return (DualSql.Format("count({0})", AnyColumn(table)), true);
            case 2:
                var distinct = Chance(0.6) ? Pick(table.Tags).Column : number.Column;
                return (DualSql.Same($"count(DISTINCT {distinct})"), true);
            case 3:
                var summed = Chance(0.3) ? NumericExpression(table, 1) : (column, number.IsInteger, 0);
                return (DualSql.Format("sum({0})", summed.Sql), summed.IsInteger);
            case 4:
            case 5:
                var function = Chance(0.5) ? "min" : "max";
                var argument = Chance(0.2) ? DualSql.Same(table.TimeColumn) : Chance(0.2) ? NumericExpression(table, 1).Sql : column;
                return (DualSql.Format(function + "({0})", argument), true);
            case 6:
                return (DualSql.Format("avg({0})", Chance(0.3) ? NumericExpression(table, 1).Sql : column), false);
            case 7:
            case 8:
                return (DualSql.Format(Pick(s_statistics) + "({0})", column), false);
            case 9:
            case 10:
                if (allowFirstLast)
                {
                    return (Chance(0.5) ? DualSql.First(column, table.TimeColumn) : DualSql.Last(column, table.TimeColumn), true);
                }

                return (DualSql.Format("max({0})", column), true);
            case 11:
                if (table.Vwap is { } vwap)
                {
                    return (DualSql.Vwap(vwap.Price, vwap.Volume), false);
                }

                return (DualSql.Format("avg({0})", column), false);
            case 12:
                return (DualSql.Format("(max({0}) - min({0}))", column), false);
            default:
                return (DualSql.Format("(sum({0}) / count(*))", column), false);
        }
    }

    private DualSql Having(RandomQueryTable table)
    {
        var number = Pick(table.Numbers);
        var literal = Literal(number);
        return Between(0, 3) switch
        {
            0 => DualSql.Format("count(*) > {0}", DualSql.Integer(Between(1, 200))),
            1 => DualSql.Format($"max({number.Column}) > {{0}}", literal),
            2 => DualSql.Format($"min({number.Column}) < {{0}}", literal),
            _ => DualSql.Format($"avg({number.Column}) >= {{0}} AND count(*) >= {{1}}", literal, DualSql.Integer(Between(1, 5))),
        };
    }

    /// <summary>
    /// A numeric expression of at most <paramref name="depth"/> operator levels, whether it is BIGINT, and its
    /// value at a random point of the columns' ranges (so literals compared with it are plausible).
    /// </summary>
    private (DualSql Sql, bool IsInteger, double Estimate) NumericExpression(RandomQueryTable table, int depth)
    {
        if (depth == 0 || Chance(0.4))
        {
            var number = Pick(table.Numbers);
            return (DualSql.Same(number.Column), number.IsInteger, number.Low + ((number.High - number.Low) * _random.NextDouble()));
        }

        var left = NumericExpression(table, depth - 1);
        if (Chance(0.1))
        {
            return (DualSql.Format("(-{0})", left.Sql), left.IsInteger, -left.Estimate);
        }

        var right = Chance(0.5) ? NumericExpression(table, depth - 1) : SmallLiteral();
        var op = Pick(s_arithmetic);
        var estimate = op switch
        {
            "+" => left.Estimate + right.Estimate,
            "-" => left.Estimate - right.Estimate,
            "*" => left.Estimate * right.Estimate,
            _ => right.Estimate == 0 ? left.Estimate : left.Estimate / right.Estimate,
        };
        return (DualSql.Format("({0} " + op + " {1})", left.Sql, right.Sql), left.IsInteger && right.IsInteger && op != "/", estimate);
    }

    private (DualSql Sql, bool IsInteger, double Estimate) SmallLiteral()
    {
        if (Chance(0.5))
        {
            var integer = Between(1, 100);
            return (DualSql.Integer(integer), true, integer);
        }

        var value = Between(1, 400) / 4.0;
        return (DualSql.Double(value), false, value);
    }

    private DualSql Predicate(RandomQueryTable table, int depth)
    {
        if (depth > 0 && Chance(0.4))
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
        switch (Between(0, 9))
        {
            case 0:
            case 1:
                return DualSql.Format(number.Column + " " + Pick(s_comparisons) + " {0}", Literal(number));
            case 2:
                return Comparison(table);
            case 3:
                return DualSql.Format(tag.Column + (Chance(0.7) ? " = " : " <> ") + "{0}", DualSql.String(TagValue(tag.Values)));
            case 4:
                var values = Enumerable.Range(0, Between(1, 3)).Select(_ => DualSql.String(TagValue(tag.Values)));
                return DualSql.Format(tag.Column + " IN ({0})", DualSql.Join(", ", values));
            case 5:
                if (Chance(0.5))
                {
                    var (low, high) = (Literal(number), Literal(number));
                    return DualSql.Format(number.Column + " BETWEEN {0} AND {1}", low, high);
                }

                var from = TimeLiteralMicros(table);
                var to = from + (Between(1, 60) * TimestampMicros.PerMinute);
                return DualSql.Format(table.TimeColumn + " BETWEEN {0} AND {1}", DualSql.Timestamp(from), DualSql.Timestamp(to));
            case 6:
            case 7:
                return DualSql.Format(table.TimeColumn + " " + Pick(s_comparisons[2..]) + " {0}", DualSql.Timestamp(TimeLiteralMicros(table)));
            case 8:
                return DualSql.Format("{0}" + (Chance(0.5) ? " IS NULL" : " IS NOT NULL"), AnyColumn(table));
            default:
                var integers = table.Numbers.Where(n => n.IsInteger).ToList();
                if (integers.Count > 0)
                {
                    var integer = Pick(integers);
                    var list = Enumerable.Range(0, Between(1, 5)).Select(_ => Literal(integer));
                    return DualSql.Format(integer.Column + " IN ({0})", DualSql.Join(", ", list));
                }

                return DualSql.Format(tag.Column + (Chance(0.5) ? " < " : " >= ") + "{0}", DualSql.String(TagValue(tag.Values)));
        }
    }

    /// <summary>A comparison of a numeric expression with a literal (a BOOLEAN).</summary>
    private DualSql Comparison(RandomQueryTable table)
    {
        var expression = NumericExpression(table, 1);
        var target = expression.Estimate * (0.5 + _random.NextDouble());
        var literal = expression.IsInteger ? DualSql.Integer((long)Math.Round(target)) : DualSql.Double(Math.Round(target, 2));
        return DualSql.Format("({0} " + Pick(s_comparisons) + " {1})", expression.Sql, literal);
    }

    private DualSql TimeWindow(RandomQueryTable table)
    {
        var from = TimeLiteralMicros(table);
        from -= TimestampMicros.FloorMod(from, TimestampMicros.PerMinute);
        var to = from + (Between(2, 10) * TimestampMicros.PerMinute);
        return DualSql.Format(table.TimeColumn + " >= {0} AND " + table.TimeColumn + " < {1}", DualSql.Timestamp(from), DualSql.Timestamp(to));
    }

    private long TimeLiteralMicros(RandomQueryTable table)
    {
        var micros = table.StartMicros + _random.NextInt64(table.SpanMicros + 1);
        return Chance(0.8) ? micros - TimestampMicros.FloorMod(micros, TimestampMicros.PerSecond) : micros;
    }

    private DualSql Literal((string Column, bool IsInteger, double Low, double High) number)
    {
        var low = (long)number.Low;
        var high = (long)number.High;
        return number.IsInteger
            ? DualSql.Integer(low + _random.NextInt64(high - low + 1))
            : DualSql.Double(Math.Round(number.Low + ((number.High - number.Low) * _random.NextDouble()), 2));
    }

    private DualSql AnyColumn(RandomQueryTable table)
    {
        var roll = Between(0, 2);
        return DualSql.Same(roll == 0 ? table.TimeColumn : roll == 1 ? Pick(table.Tags).Column : Pick(table.Numbers).Column);
    }

    private string TagValue(IReadOnlyList<string> values) => Chance(0.1) ? "none" : Pick(values);

    private DualSql Interval()
    {
        var (engine, duckDb) = Pick(s_intervals);
        return DualSql.Interval(engine, duckDb);
    }

    private static DualSql Where(List<DualSql> conditions) =>
        conditions.Count == 0 ? DualSql.Same(string.Empty) : DualSql.Format(" WHERE {0}", DualSql.Join(" AND ", conditions));

    private string Direction() => Chance(0.5) ? "ASC" : "DESC";

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private int Between(int low, int high) => low + _random.NextInt32(high - low + 1);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.NextInt32(items.Count)];
}
