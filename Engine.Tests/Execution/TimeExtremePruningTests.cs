using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Tests.Support;

namespace Engine.Tests.Execution;

/// <summary>
/// Lastpoint pruning: a query of only first/last (and min/max of the time column) per partition-constant
/// key reads just the chunks that can hold a partition's earliest or latest rows, when statistics prove it.
/// SmallTrades: A has chunks of 2+2 rows, B 2+1, C one chunk of 2 whose last price is NULL.
/// </summary>
[TestFixture]
public sealed class TimeExtremePruningTests
{
    [Test]
    public async Task LastPerSymbol_ReadsOnlyTheLatestChunkOfEachPartition()
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync("SELECT symbol, last(price), max(ts) FROM trades GROUP BY symbol ORDER BY symbol");

        Assert.That(Rows(result), Is.EqualTo(new[] { "A|9|2024-01-01T00:00:03Z", "B|19.5|2024-01-01T00:00:02Z", "C|30|2024-01-01T00:00:01Z" }));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(2 + 1 + 2));
    }

    [Test]
    public async Task FirstPerSymbol_ReadsOnlyTheEarliestChunkOfEachPartition()
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync("SELECT symbol, first(price), min(ts) FROM trades GROUP BY symbol ORDER BY symbol");

        Assert.That(Rows(result), Is.EqualTo(new[] { "A|10|2024-01-01T00:00:00Z", "B|20|2024-01-01T00:00:00Z", "C|30|2024-01-01T00:00:00Z" }));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(2 + 2 + 2));
    }

    [Test]
    public async Task FirstAndLastTogether_KeepBothEnds()
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync("SELECT symbol, first(price), last(price) FROM trades WHERE symbol = 'A' GROUP BY symbol");

        Assert.That(Rows(result), Is.EqualTo(new[] { "A|10|9" }));
    }

    [Test]
    public async Task AnotherAggregate_ReadsEveryChunk()
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync("SELECT symbol, last(price), sum(volume) FROM trades GROUP BY symbol ORDER BY symbol");

        Assert.That(Rows(result), Is.EqualTo(new[] { "A|9|1000", "B|19.5|60", "C|30|12" }));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(9));
    }

    [Test]
    public async Task WhereClause_ReadsEveryChunkTheFilterKeeps()
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync("SELECT symbol, last(price) FROM trades WHERE volume < 300 GROUP BY symbol ORDER BY symbol");

        Assert.That(Rows(result), Is.EqualTo(new[] { "A|11", "B|19.5", "C|30" }));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(2 + 3 + 2), "only the filter's own pruning (A's second chunk) applies");
    }

    [Test]
    public async Task KeyVaryingWithinAPartition_ReadsEveryChunk()
    {
        // One partition, two chunks: host h1 only in the first, so its last value is there.
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("ts", DataType.Timestamp), new Field("host", DataType.String), new Field("usage", DataType.Double)]);
        catalog.Register("cpu", schema, [(new Dictionary<string, ScalarValue>(), [Batch(schema, 0, "h1", 1.0), Batch(schema, 1, "h2", 2.0)])], "ts");

        var result = await TestEngines.Local(catalog).QueryAsync("SELECT host, last(usage) FROM cpu GROUP BY host ORDER BY host");

        Assert.That(Rows(result), Is.EqualTo(new[] { "h1|1", "h2|2" }));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(2));
    }

    [Test]
    public async Task KeyConstantByStatistics_PrunesWithoutAPartitionKey()
    {
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("ts", DataType.Timestamp), new Field("host", DataType.String), new Field("usage", DataType.Double)]);
        catalog.Register("cpu", schema, [(new Dictionary<string, ScalarValue>(), [Batch(schema, 0, "h1", 1.0), Batch(schema, 1, "h1", 2.0)])], "ts");

        var result = await TestEngines.Local(catalog).QueryAsync("SELECT host, last(usage) FROM cpu GROUP BY host");

        Assert.That(Rows(result), Is.EqualTo(new[] { "h1|2" }));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(1));
    }

    [Test]
    public async Task GlobalLast_ReadsOnlyTheLatestChunkOfEachPartition()
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync("SELECT last(volume) FROM trades WHERE symbol IN ('A', 'B')");

        Assert.That(Rows(result), Is.EqualTo(new[] { "400" }));
    }

    [Test]
    public async Task PartitionsOfTheSameKey_OnlyTheOneReachingTheLatestTimeIsRead()
    {
        // A host's readings split over two partitions (one per day); only the later partition holds its last row.
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("ts", DataType.Timestamp), new Field("host", DataType.String), new Field("usage", DataType.Double)]);
        catalog.Register("cpu", schema, [
            (new Dictionary<string, ScalarValue>(), [Batch(schema, 0, "h1", 1.0), Batch(schema, 1, "h2", 5.0)]),
            (new Dictionary<string, ScalarValue>(), [Batch(schema, 2, "h1", 2.0)]),
            (new Dictionary<string, ScalarValue>(), [Batch(schema, 3, "h2", 6.0)]),
        ], "ts");

        var result = await TestEngines.Local(catalog).QueryAsync("SELECT host, last(usage) FROM cpu GROUP BY host ORDER BY host");

        Assert.That(Rows(result), Is.EqualTo(new[] { "h1|2", "h2|6" }));
    }

    [Test]
    public async Task PartitionsPerHostAndDay_ReadOnlyEachHostsLatestDay()
    {
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("ts", DataType.Timestamp), new Field("host", DataType.String), new Field("usage", DataType.Double)]);
        catalog.Register("cpu", schema, [
            (new Dictionary<string, ScalarValue>(), [Batch(schema, 0, "h1", 1.0)]),
            (new Dictionary<string, ScalarValue>(), [Batch(schema, 1, "h2", 5.0)]),
            (new Dictionary<string, ScalarValue>(), [Batch(schema, 2, "h1", 2.0)]),
            (new Dictionary<string, ScalarValue>(), [Batch(schema, 3, "h2", 6.0)]),
        ], "ts");

        var result = await TestEngines.Local(catalog).QueryAsync("SELECT host, last(usage) FROM cpu GROUP BY host ORDER BY host");

        Assert.That(Rows(result), Is.EqualTo(new[] { "h1|2", "h2|6" }));
        Assert.That(result.Statistics.PartitionsScanned, Is.EqualTo(2));
    }

    private static ColumnBatch Batch(Schema schema, int second, string host, double usage) =>
        new(schema, [
            new Int64Column([TimestampMicros.Parse("2024-01-01T00:00:00Z") + (second * TimestampMicros.PerSecond)], null, DataType.Timestamp),
            new StringColumn([0], 0, 1, [host], null),
            new DoubleColumn([usage]),
        ], 1);

    private static string[] Rows(Core.Execution.QueryResult result) =>
        [.. result.Rows().Select(r => string.Join("|", r.Select(v => v.ToString())))];
}
