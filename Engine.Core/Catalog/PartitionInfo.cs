using Engine.Core.Columns;

namespace Engine.Core.Catalog;

/// <summary>
/// One partition of a table: its identity (a path or key the storage layer understands), its partition-key
/// values (Hive <c>symbol=S0001</c>), its row count, its chunks with statistics and what identifies its data
/// (<see cref="Identity"/>).
/// </summary>
/// <param name="Id">Stable identifier that <see cref="IPartitionReader"/> resolves (a file path, an object key, an in-memory id).</param>
/// <param name="KeyValues">Partition-key values by column name; every row of the partition holds these values.</param>
/// <param name="RowCount">Rows in the partition.</param>
/// <param name="Chunks">Row ranges in order, covering [0, RowCount) without gaps.</param>
public sealed record PartitionInfo(
    string Id,
    IReadOnlyDictionary<string, ScalarValue> KeyValues,
    long RowCount,
    IReadOnlyList<PartitionChunk> Chunks)
{
    /// <summary>The size in bytes of the partition's file, or -1 when it is not a file.</summary>
    public long ByteSize { get; init; } = -1;

    /// <summary>The file's ETag or last-write time, or the spec of the generator that made the rows; null when unknown.</summary>
    public string? Version { get; init; }

    /// <summary>The row count, size and version together, as a coordinator sends them in a <see cref="PartitionScan"/>.</summary>
    public PartitionIdentity Identity => new(RowCount, ByteSize, Version);
}
