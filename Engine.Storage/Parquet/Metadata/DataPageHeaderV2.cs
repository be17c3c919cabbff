namespace Engine.Storage.Parquet.Metadata;

/// <summary>Header fields of a version 2 data page.</summary>
internal sealed class DataPageHeaderV2
{
    public int NumValues { get; set; }

    public int NumNulls { get; set; }

    public int NumRows { get; set; }

    public ParquetEncoding Encoding { get; set; }

    public int DefinitionLevelsByteLength { get; set; }

    public int RepetitionLevelsByteLength { get; set; }

    /// <summary>Whether the value section is compressed (defaults to true).</summary>
    public bool IsCompressed { get; set; } = true;
}
