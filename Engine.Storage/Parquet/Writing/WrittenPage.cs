namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// One data page as the page index records it: where it lies (OffsetIndex) and its statistics (ColumnIndex).
/// Produced by <see cref="ColumnChunkWriter.WriteChunk"/>; immutable.
/// </summary>
/// <param name="Offset">The file offset of the page header.</param>
/// <param name="CompressedSize">Header plus stored body, in bytes.</param>
/// <param name="FirstRow">The page's first row within the row group.</param>
/// <param name="Rows">Rows in the page, NULLs included.</param>
/// <param name="NullCount">NULL rows in the page.</param>
/// <param name="Min">The smallest value, PLAIN-encoded like the chunk statistics; null when the page has no value that qualifies (only NULLs, or only NaNs).</param>
/// <param name="Max">The largest value, encoded like <paramref name="Min"/>.</param>
/// <param name="NanCount">NaN values in the page (DOUBLE columns), else null.</param>
internal readonly record struct WrittenPage(long Offset, int CompressedSize, long FirstRow, int Rows, long NullCount, byte[]? Min, byte[]? Max, long? NanCount)
{
    /// <summary>True when every row of the page is NULL (a null page in the ColumnIndex).</summary>
    public bool NullOnly => NullCount == Rows;
}
