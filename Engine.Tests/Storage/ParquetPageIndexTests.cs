using Engine.Core.Columns;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Tests.Support;

namespace Engine.Tests.Storage;

/// <summary>
/// Page-level pruning with the page index (ColumnIndex/OffsetIndex) of the corpus files whose writers stored
/// one (parquet-mr, Impala, parquet-cpp; read in place): for a range predicate on each column, the kept pages
/// hold every matching row, the rows read through the <see cref="RowSelection"/> equal the full read
/// restricted to it, and fewer bytes are fetched.
/// </summary>
public class ParquetPageIndexTests
{
    private static readonly string[] s_filesWithPageIndex =
    [
        "parquet-testing/alltypes_tiny_pages.parquet",
        "parquet-testing/alltypes_tiny_pages_plain.parquet",
        "parquet-testing/binary_truncated_min_max.parquet",
        "parquet-testing/data_index_bloom_encoding_stats.parquet",
        "parquet-testing/datapage_v1-snappy-compressed-checksum.parquet",
        "parquet-testing/delta_encoding_required_column.parquet",
        "parquet-testing/fixed_length_byte_array.parquet",
        "parquet-testing/floating_orders_nan_count.parquet",
        "parquet-testing/int32_with_null_pages.parquet",
        "parquet-testing/rle-dict-snappy-checksum.parquet",
    ];

    [TestCaseSource(nameof(s_filesWithPageIndex))]
    public async Task RangeOnEachColumn_KeptPagesHoldEveryMatchingRow(string file)
    {
        var reader = await OpenAsync(new FileSystemObjectStore(TestPaths.TestData), file);
        var names = reader.Schema.Fields.Select(f => f.Name).ToArray();

        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            var full = await reader.ReadRowGroupAsync(g, names);
            for (var c = 0; c < names.Length; c++)
            {
                var pages = await reader.ReadPageStatisticsAsync(g, names[c]);
                Assert.That(pages, Is.Not.Null, $"{names[c]} has no page index");
                var (lower, upper) = MiddleRange(full.Columns[c]);
                var selection = RowSelection.FromPages(pages!, lower, upper);
                for (var row = 0; row < full.RowCount; row++)
                {
                    if (Matches(full.Columns[c].GetScalar(row), lower, upper))
                    {
                        Assert.That(selection.Ranges.Any(r => row >= r.Start && row < r.End), Is.True, $"row group {g} column {names[c]} row {row} was pruned");
                    }
                }
            }
        }
    }

    [TestCaseSource(nameof(s_filesWithPageIndex))]
    public async Task SelectedRows_EqualTheFullReadRestrictedToTheSelection(string file)
    {
        var reader = await OpenAsync(new FileSystemObjectStore(TestPaths.TestData), file);
        var names = reader.Schema.Fields.Select(f => f.Name).ToArray();

        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            var full = await reader.ReadRowGroupAsync(g, names);
            for (var c = 0; c < names.Length; c++)
            {
                var (lower, upper) = MiddleRange(full.Columns[c]);
                var selection = RowSelection.FromPages((await reader.ReadPageStatisticsAsync(g, names[c]))!, lower, upper);
                var selected = await reader.ReadRowGroupAsync(g, names, selection);

                Assert.That(selected.RowCount, Is.EqualTo(selection.RowCount));
                var rows = selection.Ranges.SelectMany(r => Enumerable.Range((int)r.Start, (int)r.Length)).ToArray();
                for (var k = 0; k < names.Length; k++)
                {
                    var actual = Enumerable.Range(0, selected.RowCount).Select(i => Show(selected.Columns[k].GetScalar(i)));
                    var expected = rows.Select(i => Show(full.Columns[k].GetScalar(i)));
                    Assert.That(actual, Is.EqualTo(expected), $"row group {g}, predicate on {names[c]}, column {names[k]}");
                }
            }
        }
    }

    [Test]
    public async Task TinyPages_NarrowRangeOnId_ReadsFewerBytesThanTheRowGroup()
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        var reader = await OpenAsync(store, "parquet-testing/alltypes_tiny_pages.parquet");
        // Columns whose dictionary pages are small: a selected read still fetches the whole dictionary page
        // (timestamp_col's is 87 KB of its 127 KB chunk) and the OffsetIndex.
        string[] names = ["id", "int_col", "float_col", "double_col"];
        var pages = (await reader.ReadPageStatisticsAsync(0, "id"))!;
        var selection = RowSelection.FromPages(pages, ScalarValue.FromInt64(1000), ScalarValue.FromInt64(1100));

        var before = store.Statistics.BytesRead;
        await reader.ReadRowGroupAsync(0, names);
        var fullBytes = store.Statistics.BytesRead - before;
        before = store.Statistics.BytesRead;
        await reader.ReadRowGroupAsync(0, names, selection);
        var selectedBytes = store.Statistics.BytesRead - before;

        Assert.That(selectedBytes, Is.LessThan(fullBytes / 4), $"read {selectedBytes:N0} of {fullBytes:N0} bytes for {selection.RowCount} of {reader.RowGroups[0].RowCount} rows");
    }

    [Test]
    public async Task NaNBounds_AreUnknownSoTheirPagesAreKept()
    {
        var reader = await OpenAsync(new FileSystemObjectStore(TestPaths.TestData), "parquet-testing/floating_orders_nan_count.parquet");
        var column = reader.Schema.Fields.First(f => f.Type == DataType.Double).Name;
        var checkedPages = 0;
        for (var group = 0; group < reader.RowGroups.Count; group++)
        {
            var full = await reader.ReadRowGroupAsync(group, [column]);
            var nanRows = Enumerable.Range(0, full.RowCount).Where(r => full.Columns[0].GetScalar(r) is { IsNull: false } v && double.IsNaN(v.DoubleValue)).ToArray();
            var pages = (await reader.ReadPageStatisticsAsync(group, column))!;
            var pagesWithNaN = pages.Where(p => nanRows.Any(r => r >= p.Rows.Start && r < p.Rows.End)).ToArray();
            checkedPages += pagesWithNaN.Length;

            Assert.That(pagesWithNaN.Select(p => p.Statistics.Min.IsNull || p.Statistics.Max.IsNull || !double.IsNaN(p.Statistics.Min.DoubleValue)), Is.All.True);
        }

        Assert.That(checkedPages, Is.GreaterThan(0), "the corpus file holds NaN values in some page");
    }

    [Test]
    public async Task EmptySelection_ReadsNoRows()
    {
        var reader = await OpenAsync(new FileSystemObjectStore(TestPaths.TestData), "parquet-testing/alltypes_tiny_pages.parquet");

        var batch = await reader.ReadRowGroupAsync(0, ["id", "string_col"], new RowSelection([]));

        Assert.That(batch.RowCount, Is.Zero);
    }

    private static async Task<ParquetFileReader> OpenAsync(FileSystemObjectStore store, string file) =>
        await ParquetFileReader.OpenAsync(store, file, new ParquetReaderOptions { CoalesceGapBytes = 0 });

    /// <summary>A range from the 40th to the 45th percentile of the column's non-NULL, non-NaN values (open when it has none).</summary>
    private static (ScalarValue Lower, ScalarValue Upper) MiddleRange(Column column)
    {
        var values = Enumerable.Range(0, column.Length).Select(column.GetScalar)
            .Where(v => !v.IsNull && !(v.Type == DataType.Double && double.IsNaN(v.DoubleValue)))
            .Order().ToArray();
        return values.Length == 0
            ? (ScalarValue.Null(column.Type), ScalarValue.Null(column.Type))
            : (values[values.Length * 40 / 100], values[values.Length * 45 / 100]);
    }

    private static bool Matches(ScalarValue value, ScalarValue lower, ScalarValue upper) =>
        !value.IsNull && !(value.Type == DataType.Double && double.IsNaN(value.DoubleValue))
        && (lower.IsNull || value >= lower) && (upper.IsNull || value <= upper);

    private static string Show(ScalarValue value) =>
        value.IsNull ? "NULL" : value.Type == DataType.Double && double.IsNaN(value.DoubleValue) ? "NaN" : value.ToString();
}
