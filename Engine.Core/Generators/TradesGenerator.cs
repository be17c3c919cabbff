using Engine.Core.Catalog;
using Engine.Core.Columns;

namespace Engine.Core.Generators;

/// <summary>
/// Generates a deterministic <c>trades</c> table (<c>ts TIMESTAMP, symbol VARCHAR, price DOUBLE, volume
/// BIGINT</c>) partitioned by symbol. Within a symbol, <c>ts</c> strictly increases; <c>price</c> is a
/// multiplicative random walk with N(0, 0.0005) steps, clamped to [1, 10000] and rounded to 4 decimals
/// (so it survives a decimal text round trip exactly); <c>volume</c> is uniform in [1, 1000]. Each symbol
/// draws from its own random stream, so partitions can be generated independently and in any order.
/// Instances are immutable and safe to use from many threads.
/// </summary>
public sealed class TradesGenerator
{
    /// <summary>Standard deviation of one multiplicative price step.</summary>
    public const double PriceStepSigma = 0.0005;

    /// <summary>Smallest price the walk may reach.</summary>
    public const double MinPrice = 1;

    /// <summary>Largest price the walk may reach.</summary>
    public const double MaxPrice = 10_000;

    /// <summary>Largest volume of one trade (the smallest is 1).</summary>
    public const long MaxVolume = 1000;

    /// <summary>Name of the time column.</summary>
    public const string TimeColumn = "ts";

    /// <summary>Name of the partition-key column.</summary>
    public const string SymbolColumn = "symbol";

    /// <summary>The schema of every generated batch.</summary>
    public static Schema Schema { get; } = new(
    [
        new Field(TimeColumn, DataType.Timestamp, Nullable: false),
        new Field(SymbolColumn, DataType.String, Nullable: false),
        new Field("price", DataType.Double, Nullable: false),
        new Field("volume", DataType.Int64, Nullable: false),
    ]);

    /// <summary>Validates <paramref name="options"/>; throws <see cref="ArgumentOutOfRangeException"/> naming the bad option.</summary>
    public TradesGenerator(TradesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Rows, "options.Rows");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Symbols, "options.Symbols");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.StepMicros, "options.StepMicros");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchRows, "options.BatchRows");
        Options = options;
        var longest = RowsOf(0);
        try
        {
            // The last trade of the longest partition must still be a representable timestamp.
            _ = checked(options.StartMicros + (longest + 1) * options.StepMicros);
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{longest} trades {options.StepMicros} µs apart from {options.StartMicros} run past the largest timestamp.");
        }
    }

    /// <summary>The options the data is generated from.</summary>
    public TradesOptions Options { get; }

    /// <summary>Number of partitions, one per symbol.</summary>
    public int PartitionCount => Options.Symbols;

    /// <summary>The name of symbol <paramref name="index"/> (0-based): <c>S0001</c> for 0.</summary>
    public static string SymbolName(int index) => $"S{index + 1:D4}";

    /// <summary>Rows of partition <paramref name="index"/>: an even share, plus one for the first <c>Rows % Symbols</c> symbols.</summary>
    public long RowsOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Options.Symbols);
        var share = Options.Rows / Options.Symbols;
        return index < Options.Rows % Options.Symbols ? share + 1 : share;
    }

    /// <summary>Generates every partition, lazily and in symbol order, so a caller may write each out and drop it.</summary>
    public IEnumerable<GeneratedPartition> GeneratePartitions()
    {
        for (var i = 0; i < PartitionCount; i++)
        {
            yield return GeneratePartition(i);
        }
    }

    /// <summary>Generates the partition of symbol <paramref name="index"/> (0-based); the same index always gives the same rows.</summary>
    public GeneratedPartition GeneratePartition(int index)
    {
        var rows = RowsOf(index);
        var symbol = SymbolName(index);
        var random = new DeterministicRandom(Options.Seed, (ulong)index);
        var dictionary = new[] { symbol };
        var batchRows = (int)Math.Min(rows, Options.BatchRows);

        // Every row holds code 0, so all batches of the partition share one zeroed code buffer.
        var codes = new int[batchRows];
        var step = Options.StepMicros;
        var price = Math.Round(50 + (100 * random.NextDouble()), 4);
        var batches = new List<ColumnBatch>();
        for (long done = 0; done < rows;)
        {
            var count = (int)Math.Min(rows - done, batchRows);
            var ts = new long[count];
            var prices = new double[count];
            var volumes = new long[count];
            for (var i = 0; i < count; i++)
            {
                var k = done + i;
                ts[i] = Options.StartMicros + (k * step) + random.NextInt64(step);
                if (k > 0)
                {
                    var next = price * (1 + (PriceStepSigma * random.NextNormal()));
                    price = Math.Round(Math.Clamp(next, MinPrice, MaxPrice), 4);
                }

                prices[i] = price;
                volumes[i] = 1 + random.NextInt64(MaxVolume);
            }

            batches.Add(new ColumnBatch(
                Schema,
                [
                    new Int64Column(ts, null, DataType.Timestamp),
                    new StringColumn(codes, 0, count, dictionary, null),
                    new DoubleColumn(prices),
                    new Int64Column(volumes),
                ],
                count));
            done += count;
        }

        var keys = new Dictionary<string, ScalarValue>(StringComparer.OrdinalIgnoreCase) { [SymbolColumn] = ScalarValue.FromString(symbol) };
        return new GeneratedPartition(keys, batches);
    }

    /// <summary>
    /// Generates the table and registers it in <paramref name="catalog"/> as <paramref name="name"/>, one
    /// partition per symbol with key <c>symbol</c> and time column <c>ts</c>.
    /// </summary>
    public static TableInfo RegisterTrades(InMemoryCatalog catalog, TradesOptions options, string name = "trades")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var generator = new TradesGenerator(options);
        var partitions = new List<(IReadOnlyDictionary<string, ScalarValue>, IReadOnlyList<ColumnBatch>)>(generator.PartitionCount);
        foreach (var partition in generator.GeneratePartitions())
        {
            partitions.Add((partition.KeyValues, partition.Batches));
        }

        return catalog.Register(name, Schema, partitions, TimeColumn, options.Spec);
    }
}
