using Engine.Bench.Runner;
using Engine.Core.Generators;

namespace Engine.Tests.Bench.Runner;

public sealed class DataSetSpecTests
{
    [Test]
    public void Parse_TradesSpec_SetsRowsSymbolsAndSeed()
    {
        var spec = DataSetSpec.Parse("gen:trades:rows=5000:symbols=7:seed=3");

        Assert.That(spec.Trades, Is.EqualTo(new TradesOptions { Rows = 5000, Symbols = 7, Seed = 3 }));
        Assert.That(spec.Cpu, Is.Null);
        Assert.That(spec.Table, Is.EqualTo("trades"));
    }

    [Test]
    public void Parse_CpuSpecWithRows_RoundsUpToWholeReadingsPerHost()
    {
        var spec = DataSetSpec.Parse("gen:cpu:rows=1001:hosts=10:seed=9");

        Assert.That(spec.Cpu, Is.Not.Null);
        Assert.That(spec.Trades, Is.Null);
        Assert.That(spec.Table, Is.EqualTo("cpu"));
        Assert.That(spec.Cpu!.Hosts, Is.EqualTo(10));
        Assert.That(spec.Cpu.Seed, Is.EqualTo(9UL));
        Assert.That(new CpuGenerator(spec.Cpu).RowsPerHost, Is.EqualTo(101));
    }

    [Test]
    public void Parse_CpuSpecWithHours_CoversThatManyHoursFromTheDefaultStart()
    {
        var cpu = DataSetSpec.Parse("gen:cpu:hours=3:hosts=8").Cpu!;

        Assert.That(cpu.StartMicros, Is.EqualTo(TradesOptions.DefaultStartMicros));
        Assert.That(cpu.EndMicros - cpu.StartMicros, Is.EqualTo(3 * 3_600_000_000L));
    }

    [Test]
    public void Parse_CpuSpecWithFewerThanEightHosts_ThrowsNamingTheMinimum()
    {
        Assert.That(() => DataSetSpec.Parse("gen:cpu:rows=1000:hosts=4"),
            Throws.ArgumentException.With.Message.Contains("hosts=4").And.Message.Contains("8 hosts"));
    }

    [Test]
    public void Parse_KeyOfTheOtherGenerator_ThrowsNamingTheKey()
    {
        Assert.That(() => DataSetSpec.Parse("gen:cpu:rows=1000:symbols=10"),
            Throws.ArgumentException.With.Message.Contains("'symbols'"));
    }

    [Test]
    public void Parse_UnknownGenerator_ThrowsWithTheText()
    {
        Assert.That(() => DataSetSpec.Parse("gen:weather:rows=10"), Throws.ArgumentException.With.Message.Contains("gen:weather:rows=10"));
    }

    [Test]
    public void Parse_ZeroRows_Throws()
    {
        Assert.That(() => DataSetSpec.Parse("gen:cpu:rows=0:hosts=8"), Throws.ArgumentException.With.Message.Contains("rows=0"));
    }

    [Test]
    public void Parse_RowsAndHours_Throws()
    {
        Assert.That(() => DataSetSpec.Parse("gen:cpu:rows=10:hours=1:hosts=8"), Throws.ArgumentException.With.Message.Contains("one of them"));
    }

    [Test]
    public void SelectQueries_CpuSpecWithoutIds_AllFifteenTsbsShapes()
    {
        var queries = RunCommand.SelectQueries(string.Empty, DataSetSpec.Parse("gen:cpu:rows=1000:hosts=8"));

        Assert.That(queries, Has.Count.EqualTo(15));
        Assert.That(queries[0].Id, Is.EqualTo("single-groupby-1-1-1"));
        Assert.That(queries.Select(q => q.DuckDbSql), Has.All.Contains("FROM cpu"));
    }

    [Test]
    public void SelectQueries_CpuSpecWithTsbsIds_ThoseInTheGivenOrder()
    {
        var queries = RunCommand.SelectQueries("lastpoint,high-cpu-1", DataSetSpec.Parse("gen:cpu:rows=1000:hosts=8"));

        Assert.That(queries.Select(q => q.Id), Is.EqualTo(new[] { "lastpoint", "high-cpu-1" }));
    }

    [Test]
    public void SelectQueries_TradesIdOnCpuData_ThrowsListingTheBuiltInIds()
    {
        Assert.That(() => RunCommand.SelectQueries("Q1", DataSetSpec.Parse("gen:cpu:rows=1000:hosts=8")),
            Throws.ArgumentException.With.Message.Contains("'Q1'").And.Message.Contains("lastpoint"));
    }

    [Test]
    public void RequireTrades_CpuSpec_ThrowsNamingTheMode()
    {
        Assert.That(() => DataSetSpec.Parse("gen:cpu:rows=1000:hosts=8").RequireTrades("remote"),
            Throws.ArgumentException.With.Message.Contains("remote"));
    }
}
