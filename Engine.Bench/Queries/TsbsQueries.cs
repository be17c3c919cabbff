using Engine.Core.Columns;
using Engine.Core.Generators;

namespace Engine.Bench.Queries;

/// <summary>
/// The TSBS cpu-only query shapes that need no join, in both dialects, over a table made by
/// <see cref="CpuGenerator"/>: single-groupby-M-H-T (M metrics, H hosts, T hours, max per minute),
/// cpu-max-all-H (all metrics, max per hour over 8 hours), double-groupby-M (avg per host and hour over 12
/// hours), high-cpu-1/all (rows with usage_user above 90 over 12 hours), lastpoint (last reading per host, as
/// <c>last(x)</c> per hostname) and groupby-orderby-limit (the last 5 one-minute maxima before an end time).
/// Hosts and windows are chosen deterministically inside the data's range.
/// </summary>
public static class TsbsQueries
{
    private static readonly string[] s_fiveMetrics = ["usage_user", "usage_system", "usage_idle", "usage_nice", "usage_iowait"];

    /// <summary>The queries for the data <paramref name="options"/> generates (which needs at least 8 hosts).</summary>
    public static IReadOnlyList<DifferentialQuery> Create(CpuOptions options, string table = "cpu")
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Hosts < 8)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"The TSBS queries pick 8 hosts; the data has {options.Hosts}.");
        }

        var one = Hosts(options, 1);
        var eight = Hosts(options, 8);
        var all = CpuGenerator.UsageColumns;
        return
        [
            SingleGroupBy(options, table, "single-groupby-1-1-1", ["usage_user"], one, 1),
            SingleGroupBy(options, table, "single-groupby-1-1-12", ["usage_user"], one, 12),
            SingleGroupBy(options, table, "single-groupby-1-8-1", ["usage_user"], eight, 1),
            SingleGroupBy(options, table, "single-groupby-5-1-1", s_fiveMetrics, one, 1),
            SingleGroupBy(options, table, "single-groupby-5-1-12", s_fiveMetrics, one, 12),
            SingleGroupBy(options, table, "single-groupby-5-8-1", s_fiveMetrics, eight, 1),
            CpuMaxAll(options, table, "cpu-max-all-1", one),
            CpuMaxAll(options, table, "cpu-max-all-8", eight),
            DoubleGroupBy(options, table, "double-groupby-1", ["usage_user"]),
            DoubleGroupBy(options, table, "double-groupby-5", s_fiveMetrics),
            DoubleGroupBy(options, table, "double-groupby-all", all),
            HighCpu(options, table, "high-cpu-1", one),
            HighCpu(options, table, "high-cpu-all", null),
            LastPoint(table),
            GroupByOrderByLimit(options, table),
        ];
    }

    private static DifferentialQuery SingleGroupBy(CpuOptions options, string table, string name, IReadOnlyList<string> metrics, IReadOnlyList<string> hosts, int hours)
    {
        var minute = DualSql.TimeBucket(DualSql.Interval("1 minute", "1 minute"), CpuGenerator.TimeColumn);
        var (from, to) = Window(options, hours);
        var sql = DualSql.Format(
            "SELECT {0} AS minute, {1} FROM " + table + " WHERE hostname IN ({2}) AND time >= {3} AND time < {4} GROUP BY {0} ORDER BY minute",
            minute, Aggregates("max", metrics), HostList(hosts), from, to);
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: true);
    }

    private static DifferentialQuery CpuMaxAll(CpuOptions options, string table, string name, IReadOnlyList<string> hosts)
    {
        var hour = DualSql.TimeBucket(DualSql.Interval("1 hour", "1 hour"), CpuGenerator.TimeColumn);
        var (from, to) = Window(options, 8);
        var sql = DualSql.Format(
            "SELECT {0} AS hour, {1} FROM " + table + " WHERE hostname IN ({2}) AND time >= {3} AND time < {4} GROUP BY {0} ORDER BY hour",
            hour, Aggregates("max", CpuGenerator.UsageColumns), HostList(hosts), from, to);
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: true);
    }

    private static DifferentialQuery DoubleGroupBy(CpuOptions options, string table, string name, IReadOnlyList<string> metrics)
    {
        var hour = DualSql.TimeBucket(DualSql.Interval("1 hour", "1 hour"), CpuGenerator.TimeColumn);
        var (from, to) = Window(options, 12);
        var sql = DualSql.Format(
            "SELECT {0} AS hour, hostname, {1} FROM " + table + " WHERE time >= {2} AND time < {3} GROUP BY {0}, hostname ORDER BY hour, hostname",
            hour, Aggregates("avg", metrics), from, to);
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: true);
    }

    private static DifferentialQuery HighCpu(CpuOptions options, string table, string name, IReadOnlyList<string>? hosts)
    {
        var (from, to) = Window(options, 12);
        var hostFilter = hosts is null ? DualSql.Same(string.Empty) : DualSql.Format(" AND hostname IN ({0})", HostList(hosts));
        var sql = DualSql.Format(
            "SELECT * FROM " + table + " WHERE usage_user > {0} AND time >= {1} AND time < {2}{3}",
            DualSql.Double(90.0), from, to, hostFilter);
        return new DifferentialQuery(name, sql.Engine, sql.DuckDb, Ordered: false);
    }

    private static DifferentialQuery LastPoint(string table)
    {
        var lasts = DualSql.Join(", ", CpuGenerator.UsageColumns.Select(c =>
            DualSql.Format("{0} AS " + c, DualSql.Last(DualSql.Same(c), CpuGenerator.TimeColumn))));
        var sql = DualSql.Format("SELECT hostname, max(time) AS last_time, {0} FROM " + table + " GROUP BY hostname ORDER BY hostname", lasts);
        return new DifferentialQuery("lastpoint", sql.Engine, sql.DuckDb, Ordered: true);
    }

    private static DifferentialQuery GroupByOrderByLimit(CpuOptions options, string table)
    {
        var minute = DualSql.TimeBucket(DualSql.Interval("1 minute", "1 minute"), CpuGenerator.TimeColumn);
        var end = Window(options, 1).To;
        var sql = DualSql.Format(
            "SELECT {0} AS minute, max(usage_user) AS max_usage_user FROM " + table + " WHERE time < {1} GROUP BY {0} ORDER BY minute DESC LIMIT 5",
            minute, end);
        return new DifferentialQuery("groupby-orderby-limit", sql.Engine, sql.DuckDb, Ordered: true);
    }

    private static DualSql Aggregates(string function, IReadOnlyList<string> metrics) =>
        DualSql.Join(", ", metrics.Select(m => DualSql.Same($"{function}({m}) AS {function}_{m}")));

    private static DualSql HostList(IReadOnlyList<string> hosts) => DualSql.Join(", ", hosts.Select(DualSql.String));

    private static string[] Hosts(CpuOptions options, int count) =>
        [.. Enumerable.Range(0, count).Select(i => CpuGenerator.HostName((int)((i * 2L + 1) * options.Hosts / (2L * count))))];

    /// <summary>A window of <paramref name="hours"/> (or the whole range when shorter) in the middle of the data, on whole minutes.</summary>
    private static (DualSql From, DualSql To) Window(CpuOptions options, int hours)
    {
        var span = options.EndMicros - options.StartMicros;
        var length = Math.Min(hours * TimestampMicros.PerHour, span);
        var from = options.StartMicros + ((span - length) / 2);
        from -= TimestampMicros.FloorMod(from, TimestampMicros.PerMinute);
        return (DualSql.Timestamp(from), DualSql.Timestamp(from + length));
    }
}
