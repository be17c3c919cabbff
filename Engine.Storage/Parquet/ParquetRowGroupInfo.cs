using Engine.Core.Catalog;

namespace Engine.Storage.Parquet;

/// <summary>
/// What the footer says about one row group: its row count, its compressed size and per-column statistics
/// (in <see cref="ParquetFileReader.Columns"/> order) for pruning. A NULL min or max means unknown: the
/// writer gave none, the type has no reliable order in Parquet statistics (INT96, un-annotated binary,
/// decimal text), the bound is NaN, or it does not fit the Engine type.
/// </summary>
/// <param name="Index">The row group's position in the file.</param>
/// <param name="RowCount">The number of rows.</param>
/// <param name="CompressedBytes">The sum of the column chunks' compressed sizes.</param>
/// <param name="Statistics">Min/max/null count per column.</param>
public sealed record ParquetRowGroupInfo(int Index, long RowCount, long CompressedBytes, IReadOnlyList<ColumnStatistics> Statistics);
