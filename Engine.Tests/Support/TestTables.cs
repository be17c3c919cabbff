using Engine.Core.Catalog;
using Engine.Core.Columns;

namespace Engine.Tests.Support;

/// <summary>Small hand-written tables whose answers can be checked by eye.</summary>
public static class TestTables
{
    /// <summary>
    /// trades with 3 partitions by symbol (A: 4 rows, B: 3 rows, C: 2 rows with a NULL price), ts one
    /// second apart from 2024-01-01T00:00:00Z, each partition in batches of 2 rows.
    /// </summary>
    public static InMemoryCatalog SmallTrades()
    {
        var catalog = new InMemoryCatalog();
        var schema = new Schema([
            new Field("ts", DataType.Timestamp), new Field("symbol", DataType.String),
            new Field("price", DataType.Double), new Field("volume", DataType.Int64)]);
        var start = TimestampMicros.Parse("2024-01-01T00:00:00Z");
        var data = new (string Symbol, double?[] Prices, long[] Volumes)[]
        {
            ("A", [10.0, 11.0, 12.0, 9.0], [100, 200, 300, 400]),
            ("B", [20.0, 21.0, 19.5], [10, 20, 30]),
            ("C", [30.0, null], [5, 7]),
        };
        var partitions = new List<(IReadOnlyDictionary<string, ScalarValue>, IReadOnlyList<ColumnBatch>)>();
        foreach (var (symbol, prices, volumes) in data)
        {
            var batches = new List<ColumnBatch>();
            for (var offset = 0; offset < prices.Length; offset += 2)
            {
                var rows = Math.Min(2, prices.Length - offset);
                var ts = new ColumnBuilder(DataType.Timestamp);
                var sym = new ColumnBuilder(DataType.String);
                var price = new ColumnBuilder(DataType.Double);
                var volume = new ColumnBuilder(DataType.Int64);
                for (var r = offset; r < offset + rows; r++)
                {
                    ts.AppendInt64(start + (r * TimestampMicros.PerSecond));
                    sym.AppendString(symbol);
                    if (prices[r] is { } p)
                    {
                        price.AppendDouble(p);
                    }
                    else
                    {
                        price.AppendNull();
                    }

                    volume.AppendInt64(volumes[r]);
                }

                batches.Add(new ColumnBatch(schema, [ts.Build(), sym.Build(), price.Build(), volume.Build()], rows));
            }

            partitions.Add((new Dictionary<string, ScalarValue> { ["symbol"] = ScalarValue.FromString(symbol) }, batches));
        }

        catalog.Register("trades", schema, partitions, "ts");
        return catalog;
    }
}
