using Engine.Bench.Queries;
using Engine.Core.Generators;
using Engine.Tests.Support;

namespace Engine.Tests.Bench.Queries;

public sealed class QuerySetsTests
{
    private static readonly string[] s_tsbsNames =
    [
        "single-groupby-1-1-1", "single-groupby-1-1-12", "single-groupby-1-8-1", "single-groupby-5-1-1", "single-groupby-5-1-12",
        "single-groupby-5-8-1", "cpu-max-all-1", "cpu-max-all-8", "double-groupby-1", "double-groupby-5", "double-groupby-all",
        "high-cpu-1", "high-cpu-all", "lastpoint", "groupby-orderby-limit",
    ];

    private static readonly string[] s_highCpuNames = ["high-cpu-1", "high-cpu-all"];
    private static readonly string[] s_benchmarkNames = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"];

    [Test]
    public void TradesQueries_Create_SixOrderedQueries()
    {
        var queries = TradesQueries.Create(DifferentialDataSets.Trades);
        Assert.Multiple(() =>
        {
            Assert.That(queries.Select(q => q.Name), Is.EqualTo(s_benchmarkNames));
            Assert.That(queries.Select(q => q.Ordered), Is.All.True);
        });
    }

    [Test]
    public void TradesQueries_Q3_OhlcvWithFirstAndLastTranslatedToArgMinAndArgMax()
    {
        var q3 = TradesQueries.Create(DifferentialDataSets.Trades)[2];
        Assert.Multiple(() =>
        {
            Assert.That(q3.EngineSql, Does.Contain("time_bucket('1 minute', ts)").And.Contain("first(price)").And.Contain("last(price)").And.Contain("sum(volume)"));
            Assert.That(q3.DuckDbSql, Does.Contain("time_bucket(INTERVAL '1 minute', ts)").And.Contain("arg_min(price, ts)").And.Contain("arg_max(price, ts)"));
        });
    }

    [Test]
    public void TradesQueries_Q4_VwapOverThirtyMinutes()
    {
        var q4 = TradesQueries.Create(new TradesOptions { Rows = 1_000_000, Symbols = 1 })[3];
        Assert.Multiple(() =>
        {
            Assert.That(q4.EngineSql, Does.Contain("vwap(price, volume)").And.Contain("ts >= '2024-01-01 01:00:00' AND ts < '2024-01-01 01:30:00'"));
            Assert.That(q4.DuckDbSql, Does.Contain("(sum(price * volume) / sum(volume))").And.Contain("ts >= TIMESTAMP '2024-01-01 01:00:00'"));
        });
    }

    [Test]
    public void TsbsQueries_Create_TheFifteenJoinFreeShapes()
    {
        Assert.That(TsbsQueries.Create(DifferentialDataSets.Cpu).Select(q => q.Name), Is.EqualTo(s_tsbsNames));
    }

    [Test]
    public void TsbsQueries_HighCpu_UnorderedAndTheRestOrdered()
    {
        var queries = TsbsQueries.Create(DifferentialDataSets.Cpu);
        Assert.That(queries.Where(q => !q.Ordered).Select(q => q.Name), Is.EqualTo(s_highCpuNames));
    }

    [Test]
    public void TsbsQueries_SingleGroupBy181_EightDistinctHostsOverOneHour()
    {
        var query = TsbsQueries.Create(DifferentialDataSets.Cpu)[2];
        Assert.Multiple(() =>
        {
            Assert.That(query.EngineSql.Split("'host_").Length - 1, Is.EqualTo(8));
            Assert.That(query.EngineSql, Does.Contain("time >= '2016-01-02 02:00:00' AND time < '2016-01-02 03:00:00'"));
        });
    }

    [Test]
    public void TsbsQueries_FewerThanEightHosts_Throws()
    {
        Assert.That(() => TsbsQueries.Create(DifferentialDataSets.Cpu with { Hosts = 4 }), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
