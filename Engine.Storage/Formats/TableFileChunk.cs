using Engine.Core.Catalog;

namespace Engine.Storage.Formats;

/// <summary>A chunk of a <see cref="ITableFile"/>: a row group of a Parquet file.</summary>
/// <param name="Index">The chunk's position in the file.</param>
/// <param name="RowCount">Rows in the chunk.</param>
/// <param name="Bytes">The bytes a read of every column fetches (compressed), for prefetch bounds.</param>
/// <param name="Statistics">Per column of the file's schema, in order.</param>
public sealed record TableFileChunk(int Index, long RowCount, long Bytes, IReadOnlyList<ColumnStatistics> Statistics);
