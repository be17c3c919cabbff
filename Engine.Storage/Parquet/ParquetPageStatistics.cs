using Engine.Core.Catalog;

namespace Engine.Storage.Parquet;

/// <summary>
/// The rows and min/max of one data page of a column chunk, from the file's page index (ColumnIndex and
/// OffsetIndex). A NULL min or max (including a NaN bound, or a page of only NULLs) means unknown.
/// </summary>
/// <param name="Rows">The page's rows within the row group.</param>
/// <param name="Statistics">The page's min, max and NULL count (-1 when not recorded).</param>
public readonly record struct ParquetPageStatistics(RowRange Rows, ColumnStatistics Statistics);
