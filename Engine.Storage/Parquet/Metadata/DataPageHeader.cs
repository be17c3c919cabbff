namespace Engine.Storage.Parquet.Metadata;

/// <summary>Header fields of a version 1 data page.</summary>
internal sealed class DataPageHeader
{
    /// <summary>Values in the page including NULLs (levels count).</summary>
    public int NumValues { get; set; }

    public ParquetEncoding Encoding { get; set; }

    public ParquetEncoding DefinitionLevelEncoding { get; set; }

    public ParquetEncoding RepetitionLevelEncoding { get; set; }
}
