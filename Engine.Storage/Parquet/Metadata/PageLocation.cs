namespace Engine.Storage.Parquet.Metadata;

/// <summary>One data page of a column chunk as the OffsetIndex places it.</summary>
/// <param name="Offset">The page header's offset in the file.</param>
/// <param name="CompressedPageSize">Header plus compressed body, in bytes.</param>
/// <param name="FirstRowIndex">The page's first row, relative to the row group.</param>
internal readonly record struct PageLocation(long Offset, int CompressedPageSize, long FirstRowIndex);
