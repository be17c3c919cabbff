using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Tests.Support;

namespace Engine.Tests.Storage;

/// <summary>
/// A damaged page index (OffsetIndex or ColumnIndex bytes) yields a correct read — the index ignored when it
/// contradicts itself or the chunk — or a <see cref="CorruptDataException"/>, never a wrong answer or another
/// exception: every byte of the first column's index region is overwritten in turn.
/// </summary>
public class ParquetPageIndexCorruptionTests
{
    private const string File = "parquet-testing/int32_with_null_pages.parquet";

    [TestCase((byte)0xFF)]
    [TestCase((byte)0x00)]
    [TestCase((byte)0x15)]
    public async Task EveryIndexByteOverwritten_ReadsCorrectlyOrFailsAsCorrupt(byte replacement)
    {
        var original = await System.IO.File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, File));
        var clean = await ParquetFileReader.OpenAsync(await StoreAsync(original), "f.parquet");
        var column = clean.Schema.Fields[0].Name;
        var expected = await clean.ReadRowGroupAsync(0, [column]);
        var cleanPages = await clean.ReadPageStatisticsAsync(0, column);
        var selection = new RowSelection(cleanPages!.Select(p => p.Rows).Where((_, i) => i % 2 == 0));
        var rows = selection.Ranges.SelectMany(r => Enumerable.Range((int)r.Start, (int)r.Length)).ToArray();
        // The column index and offset index of the only chunk lie between its data and the footer (3332 to 3556).
        var (start, end) = (3332, 3556);
        var unexpected = new List<string>();
        for (var position = start; position < end; position++)
        {
            if (original[position] == replacement)
            {
                continue;
            }

            var damaged = (byte[])original.Clone();
            damaged[position] = replacement;
            var reader = await ParquetFileReader.OpenAsync(await StoreAsync(damaged), "f.parquet");
            try
            {
                await reader.ReadPageStatisticsAsync(0, column);
                var batch = await reader.ReadRowGroupAsync(0, [column], selection);
                var same = batch.RowCount == rows.Length && Enumerable.Range(0, rows.Length).All(i => batch.Columns[0].GetScalar(i).Equals(expected.Columns[0].GetScalar(rows[i])));
                if (!same)
                {
                    unexpected.Add($"byte {position}: wrong rows without an error");
                }
            }
            catch (CorruptDataException)
            {
            }
            catch (Exception exception) when (exception is not AssertionException)
            {
                unexpected.Add($"byte {position}: {exception.GetType().Name}: {exception.Message}");
            }
        }

        Assert.That(unexpected, Is.Empty);
    }

    private static async Task<InMemoryObjectStore> StoreAsync(byte[] bytes)
    {
        var store = new InMemoryObjectStore();
        await store.WriteAsync("f.parquet", bytes, CancellationToken.None);
        return store;
    }
}
