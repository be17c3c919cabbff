namespace Engine.Core.Catalog;

/// <summary>
/// A request to read some columns of a row range of one partition. Plain data, so it can travel inside a
/// <c>QueryFragment</c> to another process.
/// </summary>
/// <param name="Table">Table name.</param>
/// <param name="PartitionId">The partition's <see cref="PartitionInfo.Id"/>.</param>
/// <param name="Columns">Column names to read, in the order the caller wants them.</param>
/// <param name="RowStart">First row of the range within the partition.</param>
/// <param name="RowCount">Rows in the range.</param>
public sealed record PartitionScan(string Table, string PartitionId, IReadOnlyList<string> Columns, long RowStart, long RowCount)
{
    /// <summary>
    /// The identity of the partition the planner saw, or null when the scan was built by hand. A worker that
    /// holds other data refuses the scan with a <see cref="Errors.DataMismatchException"/>. Pieces of a scan
    /// (<c>with { RowStart = … }</c>) keep it.
    /// </summary>
    public PartitionIdentity? Expected { get; init; }
}
