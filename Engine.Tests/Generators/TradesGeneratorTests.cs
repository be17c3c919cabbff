using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Generators;

namespace Engine.Tests.Generators;

public sealed class TradesGeneratorTests
{
    private static readonly string[] s_symbolNames = ["S0001", "S0042"];
    private static readonly string[] s_fourSymbols = ["S0001", "S0002", "S0003", "S0004"];
    private static readonly TradesOptions s_small = new() { Rows = 10_003, Symbols = 4, BatchRows = 1000 };

    [Test]
    public void GeneratePartitions_SameOptions_IdenticalData()
    {
        var first = new TradesGenerator(s_small).GeneratePartitions().ToList();
        var second = new TradesGenerator(s_small).GeneratePartitions().ToList();
        for (var p = 0; p < first.Count; p++)
        {
            Assert.That(GeneratedData.Int64s(second[p], "ts"), Is.EqualTo(GeneratedData.Int64s(first[p], "ts")));
            Assert.That(GeneratedData.Doubles(second[p], "price"), Is.EqualTo(GeneratedData.Doubles(first[p], "price")));
            Assert.That(GeneratedData.Int64s(second[p], "volume"), Is.EqualTo(GeneratedData.Int64s(first[p], "volume")));
        }
    }

    [Test]
    public void GeneratePartitions_DifferentSeed_DifferentData()
    {
        var first = new TradesGenerator(s_small).GeneratePartition(0);
        var second = new TradesGenerator(s_small with { Seed = 43 }).GeneratePartition(0);
        Assert.That(GeneratedData.Doubles(second, "price"), Is.Not.EqualTo(GeneratedData.Doubles(first, "price")));
    }

    [Test]
    public void GeneratePartition_Alone_EqualsTheSamePartitionOfAFullRun()
    {
        var generator = new TradesGenerator(s_small);
        var alone = generator.GeneratePartition(2);
        var inRun = generator.GeneratePartitions().ElementAt(2);
        Assert.That(GeneratedData.Doubles(alone, "price"), Is.EqualTo(GeneratedData.Doubles(inRun, "price")));
    }

    [Test]
    public void GeneratePartitions_SymbolsDiffer_EachHasItsOwnWalk()
    {
        var generator = new TradesGenerator(s_small);
        Assert.That(GeneratedData.Doubles(generator.GeneratePartition(1), "price"), Is.Not.EqualTo(GeneratedData.Doubles(generator.GeneratePartition(0), "price")));
    }

    [Test]
    public void RowsOf_RowsNotDivisible_RemainderGoesToFirstSymbols()
    {
        var generator = new TradesGenerator(s_small);
        Assert.That(Enumerable.Range(0, 4).Select(i => generator.RowsOf(i)), Is.EqualTo(new long[] { 2501, 2501, 2501, 2500 }));
    }

    [Test]
    public void GeneratePartitions_RowCounts_AddUpToRows()
    {
        var partitions = new TradesGenerator(s_small).GeneratePartitions().ToList();
        Assert.That(partitions.Sum(p => p.RowCount), Is.EqualTo(s_small.Rows));
    }

    [Test]
    public void GeneratePartitions_Timestamps_StrictlyIncreasingWithinEachSymbol()
    {
        foreach (var partition in new TradesGenerator(s_small).GeneratePartitions())
        {
            Assert.That(GeneratedData.StrictlyIncreasing(GeneratedData.Int64s(partition, "ts")), Is.True);
        }
    }

    [Test]
    public void GeneratePartition_Timestamps_StartAtStartAndSpanAboutRowsTimesStep()
    {
        var options = new TradesOptions { Rows = 10_000, Symbols = 1, StepMicros = 100_000 };
        var ts = GeneratedData.Int64s(new TradesGenerator(options).GeneratePartition(0), "ts");
        Assert.Multiple(() =>
        {
            Assert.That(ts[0], Is.InRange(options.StartMicros, options.StartMicros + options.StepMicros - 1));
            Assert.That(ts[^1], Is.InRange(options.StartMicros + (9_999 * options.StepMicros), options.StartMicros + (10_000 * options.StepMicros) - 1));
        });
    }

    [Test]
    public void GeneratePartitions_Prices_WithinBoundsAndRoundedToFourDecimals()
    {
        foreach (var partition in new TradesGenerator(s_small).GeneratePartitions())
        {
            var prices = GeneratedData.Doubles(partition, "price");
            Assert.That(prices, Is.All.InRange(TradesGenerator.MinPrice, TradesGenerator.MaxPrice));
            Assert.That(prices.Where(p => Math.Round(p, 4) != p), Is.Empty);
        }
    }

    [Test]
    public void GeneratePartitions_FirstPrice_InFiftyToOneHundredFifty()
    {
        foreach (var partition in new TradesGenerator(s_small).GeneratePartitions())
        {
            Assert.That(GeneratedData.Doubles(partition, "price")[0], Is.InRange(50.0, 150.0));
        }
    }

    [Test]
    public void GeneratePartition_Prices_MoveInSmallSteps()
    {
        var prices = GeneratedData.Doubles(new TradesGenerator(s_small).GeneratePartition(0), "price");
        var moves = prices.Zip(prices.Skip(1), (a, b) => Math.Abs(b / a - 1)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(moves.Count(m => m > 0), Is.GreaterThan(moves.Count / 2));
            Assert.That(moves.Max(), Is.LessThan(0.005));
        });
    }

    [Test]
    public void GeneratePartitions_Volumes_BetweenOneAndOneThousand()
    {
        var volumes = new TradesGenerator(s_small).GeneratePartitions().SelectMany(p => GeneratedData.Int64s(p, "volume")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(volumes, Is.All.InRange(1, TradesGenerator.MaxVolume));
            Assert.That(volumes.Min(), Is.EqualTo(1));
            Assert.That(volumes.Max(), Is.EqualTo(TradesGenerator.MaxVolume));
        });
    }

    [Test]
    public void GeneratePartitions_Batches_NoLargerThanBatchRows()
    {
        var batches = new TradesGenerator(s_small).GeneratePartitions().SelectMany(p => p.Batches).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.RowCount), Is.All.InRange(1, s_small.BatchRows));
            Assert.That(batches, Has.Count.EqualTo(12));
        });
    }

    [Test]
    public void GeneratePartitions_SymbolColumn_OneEntryDictionaryWithTheSymbolName()
    {
        var partitions = new TradesGenerator(s_small).GeneratePartitions().ToList();
        for (var p = 0; p < partitions.Count; p++)
        {
            foreach (var batch in partitions[p].Batches)
            {
                var symbols = (StringColumn)batch["symbol"];
                Assert.That(symbols.Dictionary, Is.EqualTo(new[] { TradesGenerator.SymbolName(p) }));
                Assert.That(symbols.Codes.ToArray(), Is.All.EqualTo(0));
            }
        }
    }

    [Test]
    public void SymbolName_Index_FourDigitsOneBased()
    {
        Assert.That(new[] { TradesGenerator.SymbolName(0), TradesGenerator.SymbolName(41) }, Is.EqualTo(s_symbolNames));
    }

    [Test]
    public void Schema_Columns_TsSymbolPriceVolume()
    {
        Assert.That(TradesGenerator.Schema.Fields.Select(f => (f.Name, f.Type)), Is.EqualTo(new[]
        {
            ("ts", DataType.Timestamp), ("symbol", DataType.String), ("price", DataType.Double), ("volume", DataType.Int64),
        }));
    }

    [Test]
    public void RegisterTrades_Catalog_OnePartitionPerSymbolKeyedBySymbolWithTimeColumnTs()
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, s_small);
        Assert.That(catalog.TryGetTable("trades", out var table), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(table!.TimeColumn, Is.EqualTo("ts"));
            Assert.That(table.RowCount, Is.EqualTo(s_small.Rows));
            Assert.That(table.Partitions.Select(p => p.KeyValues["symbol"].StringValue), Is.EqualTo(s_fourSymbols));
            Assert.That(table.Partitions[0].Chunks, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void Constructor_NoSymbols_ThrowsNamingTheOption()
    {
        Assert.That(() => new TradesGenerator(s_small with { Symbols = 0 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("Symbols"));
    }

    [Test]
    public void Constructor_RowsRunPastTheLargestTimestamp_Throws()
    {
        Assert.That(() => new TradesGenerator(s_small with { StartMicros = long.MaxValue - 1000 }),
            Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
