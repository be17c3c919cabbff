namespace Engine.Storage.Parquet.Metadata;

/// <summary>Header fields of a dictionary page.</summary>
internal sealed class DictionaryPageHeader
{
    public int NumValues { get; set; }

    public ParquetEncoding Encoding { get; set; }
}
