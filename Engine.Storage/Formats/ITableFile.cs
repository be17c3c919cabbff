using Engine.Core.Columns;

namespace Engine.Storage.Formats;

/// <summary>
/// One opened file of a table: its schema, its chunks (row groups, record batches) with statistics, and
/// reads of a chunk's columns. Opened by an <see cref="ITableFileFormat"/>; safe to read from many threads.
/// </summary>
public interface ITableFile
{
    /// <summary>The object key of the file.</summary>
    string Key { get; }

    /// <summary>The columns of the file.</summary>
    Schema Schema { get; }

    /// <summary>The chunks, in row order; their statistics are per column of <see cref="Schema"/>, in order.</summary>
    IReadOnlyList<TableFileChunk> Chunks { get; }

    /// <summary>
    /// Optional metadata of the file that was ignored because it contradicted itself or the data (a broken
    /// page index); counted for query statistics.
    /// </summary>
    long IgnoredMetadataCount { get; }

    /// <summary>
    /// Chunk <paramref name="chunk"/> cut into finer pieces with their own statistics (a Parquet row group at
    /// its page boundaries), so the planner can prune within it; null when the format has no finer pieces.
    /// </summary>
    ValueTask<IReadOnlyList<ChunkPiece>?> SplitAsync(int chunk, CancellationToken cancellationToken);

    /// <summary>
    /// The columns <paramref name="columns"/> (of <see cref="Schema"/>, in that order) of rows
    /// [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of chunk
    /// <paramref name="chunk"/>: a batch of exactly those rows and columns (<paramref name="columns"/> may be
    /// empty: a batch of no columns). Called from pool threads, many at a time.
    /// </summary>
    ValueTask<ColumnBatch> ReadAsync(int chunk, IReadOnlyList<string> columns, int first, int count, CancellationToken cancellationToken);
}
