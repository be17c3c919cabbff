using Engine.Core.Columns;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Tests.Support;

namespace Engine.Tests.Storage;

/// <summary>Footer reads, projection pushdown, coalescing and statistics of <see cref="ParquetFileReader"/>.</summary>
[TestFixture]
public sealed class ParquetReaderTests
{
    private static readonly string[] s_reorderedColumns = ["string_col", "id"];

    private static IEnumerable<string> GoodFiles() => ParquetCorpus.GoodFiles();

    [Test]
    public async Task OpenAsync_SmallFooter_UsesOneRequest()
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        await ParquetFileReader.OpenAsync(store, "parquet-extra/aws1.snappy.parquet");
        Assert.That(store.Statistics.ReadRequests, Is.EqualTo(1));
        Assert.That(store.Statistics.BytesRead, Is.EqualTo(64 * 1024));
    }

    [Test]
    public async Task OpenAsync_FooterLargerThanFirstRead_UsesSecondRequest()
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        var options = new ParquetReaderOptions { FooterReadSize = 64 };
        var reader = await ParquetFileReader.OpenAsync(store, "parquet-extra/aws1.snappy.parquet", options);
        Assert.That(store.Statistics.ReadRequests, Is.EqualTo(2));
        Assert.That(reader.Columns, Has.Count.EqualTo(110));
    }

    [Test]
    public async Task ReadRowGroupAsync_OneColumnOfMany_FetchesOnlyItsChunk()
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        var options = new ParquetReaderOptions { CoalesceGapBytes = 0 };
        var reader = await ParquetFileReader.OpenAsync(store, "parquet-extra/aws1.snappy.parquet", options);
        var column = reader.Columns[50];
        store.Statistics.Reset();
        var batch = await reader.ReadRowGroupAsync(0, [column.Name]);
        Assert.That(batch.Schema.Count, Is.EqualTo(1));
        Assert.That(batch.RowCount, Is.EqualTo(6347));
        Assert.That(store.Statistics.BytesRead, Is.LessThan(reader.FileLength / 10));
        Assert.That(store.Statistics.ReadRequests, Is.LessThanOrEqualTo(2));
    }

    [Test]
    public async Task ReadRowGroupAsync_AdjacentColumns_AreCoalescedIntoOneRequest()
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        var reader = await ParquetFileReader.OpenAsync(store, "parquet-extra/aws1.snappy.parquet");
        store.Statistics.Reset();
        await reader.ReadRowGroupAsync(0, [reader.Columns[3].Name, reader.Columns[4].Name, reader.Columns[5].Name]);
        Assert.That(store.Statistics.ReadRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task ReadRowGroupAsync_RequestedOrder_IsKept()
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        var reader = await ParquetFileReader.OpenAsync(store, "parquet-testing/alltypes_plain.parquet");
        var batch = await reader.ReadRowGroupAsync(0, s_reorderedColumns);
        Assert.That(batch.Schema.Fields.Select(f => f.Name), Is.EqualTo(s_reorderedColumns));
        Assert.That(batch.Columns[0].Type, Is.EqualTo(DataType.String));
    }

    [Test]
    public void ReadRowGroupAsync_UnknownColumn_ThrowsNamingIt()
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        var error = Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            var reader = await ParquetFileReader.OpenAsync(store, "parquet-testing/alltypes_plain.parquet");
            await reader.ReadRowGroupAsync(0, ["nope"]);
        });
        Assert.That(error!.Message, Does.Contain("'nope'"));
    }

    [Test]
    public async Task Statistics_NaNMaximum_IsUnknown()
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        var reader = await ParquetFileReader.OpenAsync(store, "parquet-testing/nan_in_stats.parquet");
        var statistics = reader.RowGroups[0].Statistics[0];
        Assert.That(statistics.Max.IsNull, Is.True);
        Assert.That(statistics.Min, Is.EqualTo(ScalarValue.FromDouble(1.0)));
    }

    [Test]
    public async Task Schema_TypeMapping_FollowsDocumentedRules()
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        var reader = await ParquetFileReader.OpenAsync(store, "parquet-extra/date_stats.parquet");
        var types = reader.Schema.Fields.ToDictionary(f => f.Name, f => f.Type);
        Assert.That(types["date_val"], Is.EqualTo(DataType.Timestamp));
        Assert.That(types["timestamp_val"], Is.EqualTo(DataType.Timestamp));
        Assert.That(types["time_val"], Is.EqualTo(DataType.Int64));
    }

    [TestCaseSource(nameof(GoodFiles))]
    public async Task FooterStatistics_KnownBounds_EncloseEveryValueRead(string file)
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        var reader = await ParquetFileReader.OpenAsync(store, file);
        var readable = reader.Columns.Where(c => c.Conversion != ValueConversion.UnsignedInt64).Select(c => c.Name).ToList();
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            var batch = await reader.ReadRowGroupAsync(g, readable);
            for (var c = 0; c < readable.Count; c++)
            {
                var statistics = reader.RowGroups[g].Statistics[reader.Schema.IndexOf(readable[c])];
                var column = batch.Columns[c];
                if (statistics.NullCount >= 0)
                {
                    Assert.That(column.NullCount, Is.EqualTo(statistics.NullCount), $"group {g} '{readable[c]}' null count");
                }

                for (var r = 0; r < column.Length; r++)
                {
                    var value = column.GetScalar(r);
                    if (value.IsNull || (value.Type == DataType.Double && double.IsNaN(value.DoubleValue)))
                    {
                        continue;
                    }

                    if (!statistics.Min.IsNull)
                    {
                        Assert.That(value.CompareTo(statistics.Min), Is.GreaterThanOrEqualTo(0), $"group {g} '{readable[c]}' row {r} below min");
                    }

                    if (!statistics.Max.IsNull)
                    {
                        Assert.That(value.CompareTo(statistics.Max), Is.LessThanOrEqualTo(0), $"group {g} '{readable[c]}' row {r} above max");
                    }
                }
            }
        }
    }
}
