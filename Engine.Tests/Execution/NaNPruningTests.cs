using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Tests.Support;

namespace Engine.Tests.Execution;

/// <summary>
/// NaN sorts above every number (as in DuckDB) but min/max statistics leave it out, so pruning must not drop
/// a chunk that may hold NaN for a comparison NaN satisfies. Table: chunk [1, NaN], chunk [10, 11].
/// </summary>
[TestFixture]
public sealed class NaNPruningTests
{
    [TestCase("v > 5", 3)]
    [TestCase("v >= 20", 1)]
    [TestCase("v <> 1", 3)]
    [TestCase("v < 5", 1)]
    [TestCase("v = 10", 1)]
    [TestCase("v > 5 AND v < 100", 2)]
    public async Task ComparisonOverAChunkHoldingNaN_CountsLikeDuckDb(string predicate, long expected)
    {
        var result = await TestEngines.Local(Table()).QueryAsync($"SELECT count(*) FROM t WHERE {predicate}");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(expected));
    }

    [Test]
    public async Task ChunkProvenFreeOfNaN_IsStillPruned()
    {
        var result = await TestEngines.Local(Table()).QueryAsync("SELECT count(*) FROM t WHERE v > 10.5");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(2));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(4), "both chunks: the first may hold NaN");

        var clean = await TestEngines.Local(Table(withNaN: false)).QueryAsync("SELECT count(*) FROM t WHERE v > 10.5");
        Assert.That(clean.GetValue(0, 0).Int64Value, Is.EqualTo(1));
        Assert.That(clean.Statistics.RowsScanned, Is.EqualTo(2), "the first chunk is proven NaN-free and below 10.5");
    }

    private static InMemoryCatalog Table(bool withNaN = true)
    {
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("v", DataType.Double)]);
        catalog.Register("t", [
            new ColumnBatch(schema, [new DoubleColumn([1.0, withNaN ? double.NaN : 2.0])], 2),
            new ColumnBatch(schema, [new DoubleColumn([10.0, 11.0])], 2),
        ]);
        return catalog;
    }
}
