using Engine.Core.Catalog;
using Engine.Core.Generators;
using Engine.Core.Planning;
using Engine.Core.Sql;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Catalog;

/// <summary>What identifies a partition's data: row count, file size and version, or the generator spec; and what differs between two.</summary>
public sealed class PartitionIdentityTests
{
    [Test]
    public void EqualIdentities_HaveNoDifference() =>
        Assert.That(new PartitionIdentity(10, 300, "v1").DifferenceFrom(new PartitionIdentity(10, 300, "v1")), Is.Null);

    [Test]
    public void EveryDifferingPart_IsNamedWithBothValues() =>
        Assert.That(new PartitionIdentity(10, 300, "v2").DifferenceFrom(new PartitionIdentity(20, 400, "v1")),
            Is.EqualTo("10 rows here, 20 planned; 300 bytes here, 400 planned; version 'v2' here, 'v1' planned"));

    [Test]
    public void UnknownSizeOrVersion_DoesNotContradictAKnownOne() =>
        Assert.That(new PartitionIdentity(10).DifferenceFrom(new PartitionIdentity(10, 300, "v1")), Is.Null);

    [Test]
    public void GeneratedPartitions_CarryTheGeneratorSpecWithoutTheBatchSize()
    {
        var small = TradesGenerator.RegisterTrades(new InMemoryCatalog(), new TradesOptions { Rows = 100, Symbols = 2, BatchRows = 10 });
        var large = TradesGenerator.RegisterTrades(new InMemoryCatalog(), new TradesOptions { Rows = 100, Symbols = 2, BatchRows = 1000 });

        Assert.That(small.Partitions[0].Version, Is.EqualTo("gen:trades:rows=100:symbols=2:seed=42:start=1704067200000000:step=100000"));
        Assert.That(small.Partitions.Select(p => p.Identity), Is.EqualTo(large.Partitions.Select(p => p.Identity)));
    }

    [Test]
    public async Task ParquetPartitions_CarryTheFileSizeAndVersion()
    {
        var store = new InMemoryObjectStore();
        var partition = new TradesGenerator(new TradesOptions { Rows = 1000, Symbols = 1 }).GeneratePartition(0);
        var size = await ParquetFileWriter.WriteToObjectStoreAsync(store, "trades/part-0.parquet", TradesGenerator.Schema, partition.Batches);
        var catalog = await HiveTableCatalog.OpenAsync(store);
        catalog.TryGetTable("trades", out var table);

        Assert.That(table!.Partitions[0].Identity, Is.EqualTo(new PartitionIdentity(1000, size, null)));
    }

    [Test]
    public void PlannedScans_CarryTheIdentityOfTheirPartition()
    {
        var catalog = new InMemoryCatalog();
        var table = TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 100, Symbols = 2 });
        const string sql = "SELECT count(*) FROM trades";

        var planned = QueryPlanner.Plan(Binder.Bind(sql, SqlParser.Parse(sql), catalog), Guid.NewGuid());

        Assert.That(planned.Fragments.SelectMany(f => f.Scans).Select(s => s.Expected), Is.EqualTo(table.Partitions.Select(p => p.Identity)));
    }
}
