namespace Engine.Storage.Parquet.Metadata;

/// <summary>The decoded Parquet footer.</summary>
internal sealed class FileMetaData
{
    public int Version { get; set; }

    public IReadOnlyList<SchemaElement> Schema { get; set; } = [];

    public long NumRows { get; set; }

    public IReadOnlyList<RowGroup> RowGroups { get; set; } = [];

    public IReadOnlyList<KeyValue> KeyValueMetadata { get; set; } = [];

    public string? CreatedBy { get; set; }
}
