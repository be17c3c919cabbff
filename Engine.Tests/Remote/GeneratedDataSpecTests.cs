using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Errors;

namespace Engine.Tests.Remote;

/// <summary>The worker's --data generator specs: the same spec gives the same partitions, bad specs name the option.</summary>
public sealed class GeneratedDataSpecTests
{
    [Test]
    public void SameSpec_GivesTheSamePartitionIdsAndRowCounts()
    {
        var first = GeneratedDataSpec.Register(new InMemoryCatalog(), "gen:trades:rows=1000:symbols=3:seed=7");
        var second = GeneratedDataSpec.Register(new InMemoryCatalog(), "gen:trades:rows=1000:symbols=3:seed=7");

        Assert.That(second.Partitions.Select(p => (p.Id, p.RowCount)), Is.EqualTo(first.Partitions.Select(p => (p.Id, p.RowCount))));
        Assert.That(first.Partitions[0].Id, Is.EqualTo("mem://trades/0"));
    }

    [Test]
    public void CpuSpec_RegistersTheCpuTable()
    {
        var table = GeneratedDataSpec.Register(new InMemoryCatalog(), "gen:cpu:hosts=2:hours=1");

        Assert.That(table.Name, Is.EqualTo("cpu"));
        Assert.That(table.RowCount, Is.EqualTo(2 * 360));
    }

    [TestCase("trades:rows=1", "is not a generator spec")]
    [TestCase("gen:trades:symbols=2", "needs a positive rows=N")]
    [TestCase("gen:trades:rows=10:symbols=2:colour=3", "'colour' in 'gen:trades:rows=10:symbols=2:colour=3' is not a setting")]
    [TestCase("gen:trades:rows=ten:symbols=2", "'rows=ten' in")]
    [TestCase("gen:quotes:rows=1", "'quotes' in 'gen:quotes:rows=1' is not a generator")]
    public void BadSpec_NamesTheOptionAndTheProblem(string spec, string problem) =>
        Assert.That(() => GeneratedDataSpec.Register(new InMemoryCatalog(), spec),
            Throws.TypeOf<ConfigurationException>().With.Property(nameof(ConfigurationException.Key)).EqualTo("--data").And.Message.Contains(problem));
}
