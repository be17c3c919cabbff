using System.Runtime.CompilerServices;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Storage;

namespace Engine.Cli;

/// <summary>
/// Wraps a partition reader to count finished scans and rows read, and shows them on a
/// <see cref="ProgressDisplay"/> as "partitions done / total, rows". Thread-safe.
/// </summary>
public sealed class ScanProgressReader : IPartitionReader, IStorageActivitySource
{
    private readonly IPartitionReader _inner;
    private readonly ProgressDisplay _display;
    private long _rows;
    private int _scansDone;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ScanProgressReader(IPartitionReader inner, ProgressDisplay display)
    {
        _inner = inner;
        _display = display;
    }

    /// <summary>Scans (partition row ranges) the query will read; set before it runs.</summary>
    public int ScansTotal { get; set; }

    /// <inheritdoc />
    public bool TrySnapshot(out StorageActivity activity)
    {
        if (_inner is IStorageActivitySource source)
        {
            return source.TrySnapshot(out activity);
        }

        activity = new StorageActivity(0, 0, 0, 0, 0, TimeSpan.Zero);
        return false;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ColumnBatch> ReadAsync(PartitionScan scan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in _inner.ReadAsync(scan, cancellationToken).ConfigureAwait(false))
        {
            var rows = Interlocked.Add(ref _rows, batch.RowCount);
            Show(Volatile.Read(ref _scansDone), rows);
            yield return batch;
        }

        Show(Interlocked.Increment(ref _scansDone), Interlocked.Read(ref _rows));
    }

    private void Show(int done, long rows) =>
        _display.Show($"scanning: {done:N0}/{Math.Max(ScansTotal, done):N0} partition ranges, {rows:N0} rows");
}
