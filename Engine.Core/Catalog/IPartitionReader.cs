using Engine.Core.Columns;

namespace Engine.Core.Catalog;

/// <summary>
/// Streams the rows of a <see cref="PartitionScan"/> as column batches, with exactly the requested
/// columns in the requested order and exactly the requested row range, in row order. Safe to call from
/// many threads at once; each call is its own stream. Cancelling stops the stream and its I/O.
/// </summary>
public interface IPartitionReader
{
    /// <summary>Reads the scan's rows as batches whose row counts add up to <see cref="PartitionScan.RowCount"/>.</summary>
    IAsyncEnumerable<ColumnBatch> ReadAsync(PartitionScan scan, CancellationToken cancellationToken);
}
