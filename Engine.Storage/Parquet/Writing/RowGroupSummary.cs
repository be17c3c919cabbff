namespace Engine.Storage.Parquet.Writing;

/// <summary>What the footer records about one written row group; immutable.</summary>
/// <param name="Columns">The column chunks, in schema order.</param>
/// <param name="NumRows">The number of rows.</param>
internal sealed record RowGroupSummary(IReadOnlyList<ColumnChunkSummary> Columns, long NumRows)
{
    /// <summary>Uncompressed bytes of all the row group's pages (headers included).</summary>
    public long TotalByteSize
    {
        get
        {
            long total = 0;
            foreach (var column in Columns)
            {
                total = checked(total + column.TotalUncompressedSize);
            }

            return total;
        }
    }

    /// <summary>Stored bytes of all the row group's pages (headers included).</summary>
    public long TotalCompressedSize
    {
        get
        {
            long total = 0;
            foreach (var column in Columns)
            {
                total = checked(total + column.TotalCompressedSize);
            }

            return total;
        }
    }

    /// <summary>The offset of the row group's first page.</summary>
    public long FileOffset => Columns.Count == 0 ? 0 : Columns[0].FirstPageOffset;
}
