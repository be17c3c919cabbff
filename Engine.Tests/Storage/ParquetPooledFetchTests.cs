using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Storage.Buffers;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage;

/// <summary>
/// Column chunks are fetched into pooled arrays, not a fresh array per chunk, and every one goes back to the pool
/// whether the read succeeds, fails on corrupt bytes or is cancelled (<see cref="PooledBuffers.Outstanding"/>).
/// </summary>
[TestFixture]
public sealed class ParquetPooledFetchTests
{
    private const int Rows = 200_000;
    private static readonly Schema s_schema = new([new Field("n", DataType.Int64, Nullable: false), new Field("v", DataType.Double, Nullable: false)]);

    [Test]
    public async Task ReadRowGroup_WholeAndSelected_ReturnsEveryFetchedBuffer()
    {
        var reader = await OpenAsync(await WriteAsync());
        var before = PooledBuffers.Outstanding;

        await reader.ReadRowGroupAsync(0, ["n", "v"]);
        await reader.ReadRowGroupAsync(0, ["n", "v"], new RowSelection([new RowRange(10, 50_000), new RowRange(150_000, 150_001)]));
        await reader.ReadPageStatisticsAsync(0, "n");

        Assert.That(PooledBuffers.Outstanding, Is.EqualTo(before));
    }

    [Test]
    public async Task ReadRowGroup_Uncompressed_AllocatesLittleBeyondTheDecodedColumn()
    {
        var reader = await OpenAsync(await WriteAsync());
        await reader.ReadRowGroupAsync(0, ["n"]);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var batch = await reader.ReadRowGroupAsync(0, ["n"]);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        // The 1.6 MB chunk itself comes from the pool: what is allocated is the decoded column (8 bytes a row).
        Assert.That(batch.RowCount, Is.EqualTo(Rows));
        Assert.That(allocated, Is.LessThan((Rows * 8L) + (256 * 1024)));
    }

    [Test]
    public async Task ReadRowGroup_CorruptPage_ReturnsEveryFetchedBuffer()
    {
        var bytes = await WriteAsync();
        var chunk = ParquetBytes.Footer(bytes).RowGroups[0].Columns[1].MetaData!;
        bytes[(int)(chunk.DataPageOffset + 100)] ^= 0x01;
        var reader = await OpenAsync(bytes);
        var before = PooledBuffers.Outstanding;

        Assert.That(async () => await reader.ReadRowGroupAsync(0, ["n", "v"]), Throws.TypeOf<CorruptDataException>());
        Assert.That(PooledBuffers.Outstanding, Is.EqualTo(before));
    }

    [Test]
    public async Task ReadRowGroup_ChunksDecodedSideBySide_EqualTheSerialDecode()
    {
        var bytes = await WriteAsync();
        var serial = await (await OpenAsync(bytes, new ParquetReaderOptions { ParallelDecodeBytes = 0 })).ReadRowGroupAsync(0, ["v", "n"]);
        var before = PooledBuffers.Outstanding;

        var parallel = await (await OpenAsync(bytes, new ParquetReaderOptions { ParallelDecodeBytes = 1 })).ReadRowGroupAsync(0, ["v", "n"]);

        Assert.That(PooledBuffers.Outstanding, Is.EqualTo(before));
        Assert.That(((DoubleColumn)parallel.Columns[0]).Values.ToArray(), Is.EqualTo(((DoubleColumn)serial.Columns[0]).Values.ToArray()));
        Assert.That(((Int64Column)parallel.Columns[1]).Values.ToArray(), Is.EqualTo(((Int64Column)serial.Columns[1]).Values.ToArray()));
    }

    [Test]
    public async Task ReadRowGroup_CorruptChunkDecodedSideBySide_FailsAsCorruptAndReturnsEveryBuffer()
    {
        var bytes = await WriteAsync();
        var chunk = ParquetBytes.Footer(bytes).RowGroups[0].Columns[0].MetaData!;
        bytes[(int)(chunk.DataPageOffset + 100)] ^= 0x01;
        var reader = await OpenAsync(bytes, new ParquetReaderOptions { ParallelDecodeBytes = 1 });
        var before = PooledBuffers.Outstanding;

        Assert.That(async () => await reader.ReadRowGroupAsync(0, ["n", "v"]), Throws.TypeOf<CorruptDataException>().With.Message.Contains("'n'"));
        Assert.That(PooledBuffers.Outstanding, Is.EqualTo(before));
    }

    [Test]
    public async Task ReadRowGroup_Cancelled_ReturnsEveryFetchedBuffer()
    {
        var reader = await OpenAsync(await WriteAsync());
        var before = PooledBuffers.Outstanding;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.That(async () => await reader.ReadRowGroupAsync(0, ["n", "v"], cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(PooledBuffers.Outstanding, Is.EqualTo(before));
    }

    private static async Task<byte[]> WriteAsync()
    {
        var batch = new ColumnBatch(s_schema, [new Int64Column([.. Enumerable.Range(0, Rows).Select(i => (long)i * 3)]), new DoubleColumn([.. Enumerable.Range(0, Rows).Select(i => i * 0.5)])], Rows);
        using var output = new MemoryStream();
        await ParquetFileWriter.WriteAsync(output, s_schema, [batch], new ParquetWriterOptions { Codec = CompressionCodec.Uncompressed });
        return output.ToArray();
    }

    private static async Task<ParquetFileReader> OpenAsync(byte[] bytes, ParquetReaderOptions? options = null)
    {
        var store = new InMemoryObjectStore();
        await store.WriteAsync("f.parquet", bytes, CancellationToken.None);
        return await ParquetFileReader.OpenAsync(store, "f.parquet", options);
    }
}
