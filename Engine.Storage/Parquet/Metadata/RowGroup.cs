namespace Engine.Storage.Parquet.Metadata;

/// <summary>A horizontal slice of the file: one chunk per leaf column.</summary>
internal sealed class RowGroup
{
    public IReadOnlyList<ColumnChunk> Columns { get; set; } = [];

    public long TotalByteSize { get; set; }

    public long NumRows { get; set; }
}
