using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage;

/// <summary>
/// No rows are lost or invented without an error (issue 17 item 2): a row count edited in any place the file
/// stores one — the footer's num_rows, a row group's num_rows, a chunk's num_values, its statistics' null_count,
/// a data or dictionary page header's num_values, an OffsetIndex first_row_index, a ColumnIndex null_count —
/// either reads back exactly the original rows or fails with <see cref="CorruptDataException"/>.
/// </summary>
[TestFixture]
public sealed class ParquetRowCountCorruptionTests
{
    private const int GroupRows = 5_120;
    private static readonly Schema s_schema = new(
    [
        new Field("id", DataType.Int64, Nullable: false),
        new Field("price", DataType.Double),
        new Field("symbol", DataType.String),
    ]);

    private static readonly ParquetWriterOptions s_options = new() { RowGroupRows = GroupRows, PageRowLimit = 1_024 };
    private static readonly RowSelection s_selection = new([new RowRange(1_000, 2_100), new RowRange(4_000, 4_100)]);

    private byte[] _original = null!;
    private List<string> _expected = null!;

    [OneTimeSetUp]
    public async Task WriteOriginal()
    {
        using var output = new MemoryStream();
        await ParquetFileWriter.WriteAsync(output, s_schema, [Batch(2 * GroupRows)], s_options);
        _original = output.ToArray();
        _expected = await ReadEverythingAsync(_original);
    }

    [Test]
    public async Task RowGroupNumRowsZero_WithChunksDeclaringValues_FailsNamingBothCounts()
    {
        var field = ParquetBytes.FooterFields(_original).Single(f => f.Path == "4[0].3");
        var edited = ThriftFields.With(_original, field, 0)!;

        var error = Assert.ThrowsAsync<CorruptDataException>(async () => await ReadEverythingAsync(edited));

        Assert.That(error!.Message, Does.Contain("row group 0 declares 0 rows").And.Contain("5120 values"));
    }

    [Test]
    public async Task FooterNumRowsDisagreeingWithTheRowGroups_FailsAsCorrupt()
    {
        var field = ParquetBytes.FooterFields(_original).Single(f => f.Path == "3");
        var edited = ThriftFields.With(_original, field, field.Value - 1)!;

        var error = Assert.ThrowsAsync<CorruptDataException>(async () => await ReadEverythingAsync(edited));

        Assert.That(error!.Message, Does.Contain($"declares {field.Value - 1} rows but its row groups hold {field.Value}"));
    }

    [Test]
    public async Task LastDataPageNumValuesLowered_WithChunkCountsLoweredToMatch_FailsInsteadOfDroppingThePage()
    {
        // Group 0 of id, the row group and the chunk all agree on one row less; the last page still holds 1,024 values.
        var footer = ParquetBytes.FooterFields(_original);
        var edited = ThriftFields.With(_original, footer.Single(f => f.Path == "3"), (2 * GroupRows) - 1)!;
        edited = ThriftFields.With(edited, footer.Single(f => f.Path == "4[0].3"), GroupRows - 1)!;
        foreach (var chunk in footer.Where(f => f.Path.StartsWith("4[0].1[", StringComparison.Ordinal) && f.Path.EndsWith("].3.5", StringComparison.Ordinal)))
        {
            edited = ThriftFields.With(edited, chunk, GroupRows - 1)!;
        }

        Assert.That(async () => await ReadEverythingAsync(edited), Throws.TypeOf<CorruptDataException>());
    }

    [Test]
    public async Task EveryStoredRowCount_Edited_ReadsTheOriginalRowsOrFailsAsCorrupt()
    {
        var unexpected = new List<string>();
        var edits = 0;
        var kinds = new HashSet<string>();
        foreach (var (kind, field) in CountFields(_original))
        {
            kinds.Add(kind);
            foreach (var value in new[] { 0, field.Value - 1, field.Value + 1, field.Value * 2, -1 }.Distinct())
            {
                if (value == field.Value || ThriftFields.With(_original, field, value) is not { } edited)
                {
                    continue;
                }

                edits++;
                try
                {
                    var rows = await ReadEverythingAsync(edited);
                    if (!rows.SequenceEqual(_expected))
                    {
                        unexpected.Add($"{field.Path} at {field.Offset} = {value}: other rows without an error");
                    }
                }
                catch (CorruptDataException)
                {
                }
                catch (Exception exception) when (exception is not AssertionException)
                {
                    unexpected.Add($"{field.Path} at {field.Offset} = {value}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }

        Assert.That(unexpected, Is.Empty);
        Assert.That(kinds, Is.EquivalentTo(new[]
        {
            "FileMetaData.num_rows", "RowGroup.num_rows", "ColumnMetaData.num_values", "Statistics.null_count",
            "DataPageHeader.num_values", "DictionaryPageHeader.num_values", "PageLocation.first_row_index", "ColumnIndex.null_counts",
        }));
        Assert.That(edits, Is.GreaterThan(400));
    }

    /// <summary>
    /// Every stored row or value count, named by where it lies: footer fields by path, page headers, OffsetIndex
    /// and ColumnIndex entries of every column chunk.
    /// </summary>
    private static IEnumerable<(string Kind, ThriftFields.Location Field)> CountFields(byte[] file)
    {
        foreach (var field in ParquetBytes.FooterFields(file))
        {
            var path = field.Path;
            var kind = path == "3" ? "FileMetaData.num_rows"
                : !path.StartsWith("4[", StringComparison.Ordinal) ? null
                : path.EndsWith("].3", StringComparison.Ordinal) && !path.Contains(".1[", StringComparison.Ordinal) ? "RowGroup.num_rows"
                : path.EndsWith(".3.5", StringComparison.Ordinal) ? "ColumnMetaData.num_values"
                : path.EndsWith(".3.12.3", StringComparison.Ordinal) ? "Statistics.null_count"
                : null;
            if (kind is not null)
            {
                yield return (kind, field);
            }
        }

        foreach (var chunk in ParquetBytes.Footer(file).RowGroups.SelectMany(g => g.Columns))
        {
            var meta = chunk.MetaData!;
            var position = (int)(meta.DictionaryPageOffset ?? meta.DataPageOffset);
            var end = position + (int)meta.TotalCompressedSize;
            while (position < end)
            {
                // PageHeader: data_page_header.num_values (5.1), dictionary_page_header.num_values (7.1).
                var length = ThriftFields.StructLength(file, position);
                var header = ThriftFields.Find(file, position, length);
                foreach (var field in header.Where(f => f.Path is "5.1" or "7.1"))
                {
                    yield return (field.Path == "5.1" ? "DataPageHeader.num_values" : "DictionaryPageHeader.num_values", field);
                }

                position += length + (int)header.Single(f => f.Path == "3").Value;
            }

            // OffsetIndex page_locations[p].first_row_index; ColumnIndex null_counts[p].
            foreach (var field in ThriftFields.Find(file, (int)chunk.OffsetIndexOffset!.Value, chunk.OffsetIndexLength!.Value).Where(f => f.Path.EndsWith(".3", StringComparison.Ordinal)))
            {
                yield return ("PageLocation.first_row_index", field);
            }

            if (chunk.ColumnIndexOffset is { } indexOffset)
            {
                foreach (var field in ThriftFields.Find(file, (int)indexOffset, chunk.ColumnIndexLength!.Value).Where(f => f.Path.StartsWith("5[", StringComparison.Ordinal)))
                {
                    yield return ("ColumnIndex.null_counts", field);
                }
            }
        }
    }

    /// <summary>Every row of every row group read whole, then a selection of each row group through the page index, as text.</summary>
    private static async Task<List<string>> ReadEverythingAsync(byte[] file)
    {
        var store = new InMemoryObjectStore();
        await store.WriteAsync("f.parquet", file, CancellationToken.None);
        var reader = await ParquetFileReader.OpenAsync(store, "f.parquet");
        var names = s_schema.Fields.Select(f => f.Name).ToList();
        var rows = new List<string>();
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            foreach (var name in names)
            {
                await reader.ReadPageStatisticsAsync(g, name);
            }

            Append(rows, await reader.ReadRowGroupAsync(g, names));
            Append(rows, await reader.ReadRowGroupAsync(g, names, s_selection));
        }

        return rows;
    }

    private static void Append(List<string> rows, ColumnBatch batch)
    {
        for (var r = 0; r < batch.RowCount; r++)
        {
            rows.Add(string.Join('|', batch.Columns.Select(c => c.GetScalar(r).ToString())));
        }
    }

    private static ColumnBatch Batch(int rows)
    {
        var ids = new long[rows];
        var prices = new double[rows];
        var priceValid = ValidityBitmap.Create(rows, allValid: true);
        var symbols = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            ids[i] = i;
            prices[i] = 100 + (i % 997 * 0.25);
            ValidityBitmap.Set(priceValid, i, i % 13 != 0);
            symbols[i] = i % 17 == 0 ? null : $"S{i % 40:D3}";
        }

        return new ColumnBatch(s_schema, [new Int64Column(ids), new DoubleColumn(prices, priceValid), StringColumn.FromValues(symbols)], rows);
    }
}
