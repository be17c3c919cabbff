using Engine.Core.Catalog;

namespace Engine.Storage.Formats;

/// <summary>Part of a chunk with its own statistics (a run of Parquet pages).</summary>
/// <param name="Start">First row of the piece within its chunk.</param>
/// <param name="Rows">Rows in the piece.</param>
/// <param name="Statistics">Per column name; a column without an entry is unknown.</param>
public sealed record ChunkPiece(long Start, long Rows, IReadOnlyDictionary<string, ColumnStatistics> Statistics);
