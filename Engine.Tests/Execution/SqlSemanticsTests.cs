using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Tests.Support;

namespace Engine.Tests.Execution;

/// <summary>NULL, empty-input and time semantics, matching DuckDB and PostgreSQL.</summary>
public class SqlSemanticsTests
{
    private static async Task<string[]> Rows(InMemoryCatalog catalog, string sql)
    {
        var result = await TestEngines.Local(catalog).QueryAsync(sql);
        return result.Rows().Select(r => string.Join("|", r.Select(v => v.ToString()))).ToArray();
    }

    private static InMemoryCatalog EmptyTrades()
    {
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("ts", DataType.Timestamp), new Field("price", DataType.Double), new Field("volume", DataType.Int64)]);
        catalog.Register("trades", schema, [], "ts");
        return catalog;
    }

    [Test]
    public async Task GlobalAggregateOverEmptyTable_ReturnsOneRowWithCountZeroAndNulls()
    {
        var rows = await Rows(EmptyTrades(), "SELECT count(*), count(price), sum(volume), min(price), avg(price), first(price), stddev_samp(price) FROM trades");
        Assert.That(rows, Is.EqualTo(new[] { "0|0|NULL|NULL|NULL|NULL|NULL" }));
    }

    [Test]
    public async Task GroupedAggregateOverEmptyTable_ReturnsNoRows()
    {
        Assert.That(await Rows(EmptyTrades(), "SELECT volume, count(*) FROM trades GROUP BY volume"), Is.Empty);
    }

    [Test]
    public async Task AggregatesOverAllNullColumn_AreNullAndCountIsZero()
    {
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("ts", DataType.Timestamp), new Field("x", DataType.Double)]);
        var nulls = ValidityBitmap.Create(3, allValid: false);
        catalog.Register("t", [new ColumnBatch(schema, [new Int64Column([1, 2, 3], null, DataType.Timestamp), new DoubleColumn(new double[3], nulls)], 3)], "ts");
        var rows = await Rows(catalog, "SELECT count(*), count(x), sum(x), max(x), avg(x), last(x), var_pop(x), count(DISTINCT x) FROM t");
        Assert.That(rows, Is.EqualTo(new[] { "3|0|NULL|NULL|NULL|NULL|NULL|0" }));
    }

    [Test]
    public async Task NullKeys_FormTheirOwnGroup_AndWhereTreatsNullAsFalse()
    {
        var catalog = TestTables.SmallTrades();
        Assert.That(await Rows(catalog, "SELECT price IS NULL AS missing, count(*) FROM trades GROUP BY missing ORDER BY missing"),
            Is.EqualTo(new[] { "false|8", "true|1" }));
        Assert.That(await Rows(catalog, "SELECT count(*) FROM trades WHERE price > 0 OR price <= 0"), Is.EqualTo(new[] { "8" }));
    }

    [Test]
    public async Task Division_IsDoubleWithIeeeResultsLikeDuckDb()
    {
        var rows = await Rows(TestTables.SmallTrades(), "SELECT 7 / 2, 1 / 0, -1 / 0, 7 % 0 FROM trades LIMIT 1");
        Assert.That(rows, Is.EqualTo(new[] { "3.5|Infinity|-Infinity|NULL" }));
    }

    [Test]
    public async Task TimeBucketBefore1970_FloorsInsteadOfTruncating()
    {
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("ts", DataType.Timestamp)]);
        long[] times = [TimestampMicros.Parse("1969-12-31T23:59:30.5Z"), TimestampMicros.Parse("1969-12-31T23:58:59Z")];
        catalog.Register("t", [new ColumnBatch(schema, [new Int64Column(times, null, DataType.Timestamp)], 2)], "ts");
        Assert.That(await Rows(catalog, "SELECT time_bucket('1 minute', ts) AS m FROM t ORDER BY m"),
            Is.EqualTo(new[] { "1969-12-31T23:58:00Z", "1969-12-31T23:59:00Z" }));
    }

    [Test]
    public async Task FirstAndLast_FollowTheTimeColumnNotArrivalOrder()
    {
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("ts", DataType.Timestamp), new Field("v", DataType.Int64)]);
        // Rows arrive out of time order across two batches.
        catalog.Register("t", [
            new ColumnBatch(schema, [new Int64Column([30, 10], null, DataType.Timestamp), new Int64Column([3, 1])], 2),
            new ColumnBatch(schema, [new Int64Column([40, 20], null, DataType.Timestamp), new Int64Column([4, 2])], 2)], "ts");
        Assert.That(await Rows(catalog, "SELECT first(v), last(v) FROM t"), Is.EqualTo(new[] { "1|4" }));
    }

    [Test]
    public async Task OrderByWithNulls_PutsNullsLastUnlessAskedFirst()
    {
        var catalog = TestTables.SmallTrades();
        Assert.That((await Rows(catalog, "SELECT price FROM trades ORDER BY price DESC LIMIT 2")), Is.EqualTo(new[] { "30", "21" }));
        Assert.That((await Rows(catalog, "SELECT price FROM trades ORDER BY price NULLS FIRST LIMIT 2")), Is.EqualTo(new[] { "NULL", "9" }));
    }

    [Test]
    public async Task WhereOnPartitionKey_PrunesTheOtherPartitions()
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync("SELECT count(*) FROM trades WHERE symbol = 'B'");
        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(3));
        Assert.That(result.Statistics.PartitionsScanned, Is.EqualTo(1));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(3));
    }

    [Test]
    public async Task WhereOnTimeRange_SkipsChunksOutsideIt()
    {
        var result = await TestEngines.Local(TestTables.SmallTrades()).QueryAsync("SELECT count(*) FROM trades WHERE ts >= '2024-01-01 00:00:02'");
        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(3));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(3), "only the second batch of partitions A and B can hold such rows");
    }

    [Test]
    public async Task QuotedIdentifiersAndComments_Work()
    {
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("cpu %", DataType.Double)]);
        catalog.Register("odd", [new ColumnBatch(schema, [new DoubleColumn([1.5, 2.5])], 2)]);
        Assert.That(await Rows(catalog, "SELECT sum(\"cpu %\") AS \"total %\" -- the total\nFROM odd"), Is.EqualTo(new[] { "4" }));
    }
}
