using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Generators;

namespace Engine.Tests.Generators;

public sealed class CpuGeneratorTests
{
    // 2016-01-01T22:00:00Z to 2016-01-02T02:00:00Z: four hours over a UTC midnight.
    private const long Start = 1_451_685_600_000_000;
    private static readonly string[] s_hostPerPartition = ["host_0", "host_0", "host_1", "host_1", "host_2", "host_2", "host_3", "host_3", "host_4", "host_4"];
    private static readonly string[] s_columnNames =
    [
        "time", "hostname", "region", "datacenter", "rack", "os", "arch", "team", "service", "service_version", "service_environment",
        "usage_user", "usage_system", "usage_idle", "usage_nice", "usage_iowait", "usage_irq", "usage_softirq", "usage_steal", "usage_guest", "usage_guest_nice",
    ];

    private static readonly CpuOptions s_options = new() { Hosts = 5, StartMicros = Start, EndMicros = Start + (4 * TimestampMicros.PerHour), Seed = 9 };

    [Test]
    public void GeneratePartitions_SameOptions_IdenticalData()
    {
        var first = new CpuGenerator(s_options).GeneratePartitions().ToList();
        var second = new CpuGenerator(s_options).GeneratePartitions().ToList();
        for (var p = 0; p < first.Count; p++)
        {
            Assert.That(GeneratedData.Int64s(second[p], "time"), Is.EqualTo(GeneratedData.Int64s(first[p], "time")));
            foreach (var usage in CpuGenerator.UsageColumns)
            {
                Assert.That(GeneratedData.Doubles(second[p], usage), Is.EqualTo(GeneratedData.Doubles(first[p], usage)));
            }
        }
    }

    [Test]
    public void GeneratePartitions_DifferentSeed_DifferentData()
    {
        var first = new CpuGenerator(s_options).GenerateHost(0)[0];
        var second = new CpuGenerator(s_options with { Seed = 10 }).GenerateHost(0)[0];
        Assert.That(GeneratedData.Doubles(second, "usage_user"), Is.Not.EqualTo(GeneratedData.Doubles(first, "usage_user")));
    }

    [Test]
    public void RowsPerHost_FourHoursEveryTenSeconds_1440()
    {
        Assert.That(new CpuGenerator(s_options).RowsPerHost, Is.EqualTo(1440));
    }

    [Test]
    public void RowsPerHost_RangeNotAMultipleOfTheInterval_CountsTheLastPartialInterval()
    {
        var options = s_options with { EndMicros = Start + 25_000_000 };
        Assert.That(new CpuGenerator(options).RowsPerHost, Is.EqualTo(3));
    }

    [Test]
    public void GeneratePartitions_RangeOverMidnight_TwoPartitionsPerHostSplitAtTheDay()
    {
        var partitions = new CpuGenerator(s_options).GeneratePartitions().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(partitions, Has.Count.EqualTo(10));
            Assert.That(partitions.Select(p => p.RowCount), Is.All.EqualTo(720));
            Assert.That(partitions.Select(p => p.KeyValues["hostname"].StringValue),
                Is.EqualTo(s_hostPerPartition));
        });
    }

    [Test]
    public void GeneratePartitions_EveryPartition_WithinOneUtcDay()
    {
        foreach (var partition in new CpuGenerator(s_options).GeneratePartitions())
        {
            var days = GeneratedData.Int64s(partition, "time").Select(t => TimestampMicros.FloorDiv(t, TimestampMicros.PerDay)).Distinct();
            Assert.That(days.Count(), Is.EqualTo(1));
        }
    }

    [Test]
    public void GenerateHost_Times_EveryIntervalFromStartToEnd()
    {
        var times = new CpuGenerator(s_options).GenerateHost(3).SelectMany(p => GeneratedData.Int64s(p, "time")).ToArray();
        var expected = Enumerable.Range(0, 1440).Select(k => Start + (k * s_options.IntervalMicros));
        Assert.That(times, Is.EqualTo(expected));
    }

    [Test]
    public void GeneratePartitions_Usage_WithinZeroToOneHundredAndRoundedToSixDecimals()
    {
        foreach (var partition in new CpuGenerator(s_options).GeneratePartitions())
        {
            foreach (var usage in CpuGenerator.UsageColumns)
            {
                var values = GeneratedData.Doubles(partition, usage);
                Assert.That(values, Is.All.InRange(0.0, 100.0));
                Assert.That(values.Where(v => Math.Round(v, 6) != v), Is.Empty);
            }
        }
    }

    [Test]
    public void GenerateHost_Usage_RandomWalkWithUnitSteps()
    {
        var values = new CpuGenerator(s_options).GenerateHost(1).SelectMany(p => GeneratedData.Doubles(p, "usage_idle")).ToArray();
        var steps = values.Zip(values.Skip(1), (a, b) => Math.Abs(b - a)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(steps.Max(), Is.LessThan(6));
            Assert.That(steps.Average(), Is.InRange(0.5, 1.0));
        });
    }

    [Test]
    public void GenerateHost_Tags_ConstantPerHostAndFromTheTsbsLists()
    {
        var generator = new CpuGenerator(s_options with { Hosts = 40 });
        for (var host = 0; host < 40; host++)
        {
            var rows = generator.GenerateHost(host);
            string Tag(string column) => rows.SelectMany(p => GeneratedData.Strings(p, column)).Distinct().Single();
            Assert.That(CpuGenerator.Regions, Does.Contain(Tag("region")));
            Assert.That(Tag("datacenter"), Is.AnyOf(Tag("region") + "a", Tag("region") + "b", Tag("region") + "c"));
            Assert.That(int.Parse(Tag("rack"), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(0, 99));
            Assert.That(CpuGenerator.OperatingSystems, Does.Contain(Tag("os")));
            Assert.That(CpuGenerator.Architectures, Does.Contain(Tag("arch")));
            Assert.That(CpuGenerator.Teams, Does.Contain(Tag("team")));
            Assert.That(int.Parse(Tag("service"), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(0, 19));
            Assert.That(Tag("service_version"), Is.AnyOf("0", "1"));
            Assert.That(CpuGenerator.ServiceEnvironments, Does.Contain(Tag("service_environment")));
            Assert.That(Tag("hostname"), Is.EqualTo($"host_{host}"));
        }
    }

    [Test]
    public void GeneratePartitions_ManyHosts_TagsVaryBetweenHosts()
    {
        var generator = new CpuGenerator(s_options with { Hosts = 40 });
        var regions = Enumerable.Range(0, 40).Select(h => GeneratedData.Strings(generator.GenerateHost(h)[0], "region")[0]).Distinct();
        Assert.That(regions.Count(), Is.GreaterThan(3));
    }

    [Test]
    public void GeneratePartitions_TagColumns_OneEntryDictionaries()
    {
        var batch = new CpuGenerator(s_options).GenerateHost(2)[0].Batches[0];
        foreach (var column in CpuGenerator.TagColumns.Prepend("hostname"))
        {
            Assert.That(((StringColumn)batch[column]).Dictionary, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public void GeneratePartitions_SmallBatchRows_BatchesNoLargerThanBatchRows()
    {
        var partition = new CpuGenerator(s_options with { BatchRows = 100 }).GenerateHost(0)[0];
        Assert.Multiple(() =>
        {
            Assert.That(partition.Batches.Select(b => b.RowCount), Is.All.InRange(1, 100));
            Assert.That(partition.RowCount, Is.EqualTo(720));
        });
    }

    [Test]
    public void GeneratePartitions_SmallBatchRows_SameValuesAsOneBatch()
    {
        var split = new CpuGenerator(s_options with { BatchRows = 100 }).GenerateHost(4);
        var whole = new CpuGenerator(s_options).GenerateHost(4);
        Assert.That(split.SelectMany(p => GeneratedData.Doubles(p, "usage_steal")), Is.EqualTo(whole.SelectMany(p => GeneratedData.Doubles(p, "usage_steal"))));
    }

    [Test]
    public void Schema_Columns_TimeHostnameTagsThenUsageDoubles()
    {
        var fields = CpuGenerator.Schema.Fields;
        Assert.Multiple(() =>
        {
            Assert.That(fields.Select(f => f.Name), Is.EqualTo(s_columnNames));
            Assert.That(fields[0].Type, Is.EqualTo(DataType.Timestamp));
            Assert.That(fields.Skip(1).Take(10).Select(f => f.Type), Is.All.EqualTo(DataType.String));
            Assert.That(fields.Skip(11).Select(f => f.Type), Is.All.EqualTo(DataType.Double));
        });
    }

    [Test]
    public void RegisterCpu_Catalog_PartitionPerHostAndDayKeyedByHostnameWithTimeColumnTime()
    {
        var catalog = new InMemoryCatalog();
        CpuGenerator.RegisterCpu(catalog, s_options);
        Assert.That(catalog.TryGetTable("cpu", out var table), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(table!.TimeColumn, Is.EqualTo("time"));
            Assert.That(table.RowCount, Is.EqualTo(5 * 1440));
            Assert.That(table.Partitions, Has.Count.EqualTo(10));
            Assert.That(table.Partitions.Select(p => p.KeyValues.Keys.Single()), Is.All.EqualTo("hostname"));
        });
    }

    [Test]
    public void Constructor_EndBeforeStart_Throws()
    {
        Assert.That(() => new CpuGenerator(s_options with { EndMicros = Start - 1 }), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void GeneratePartitions_EmptyRange_NoPartitions()
    {
        Assert.That(new CpuGenerator(s_options with { EndMicros = Start }).GeneratePartitions(), Is.Empty);
    }
}
