namespace Engine.Storage.Parquet.Metadata;

/// <summary>The header in front of every page of a column chunk.</summary>
internal sealed class PageHeader
{
    public PageType Type { get; set; }

    public int UncompressedPageSize { get; set; }

    public int CompressedPageSize { get; set; }

    /// <summary>CRC-32 of the page body as stored (after compression), when the writer set it.</summary>
    public int? Crc { get; set; }

    public DataPageHeader? DataPage { get; set; }

    public DictionaryPageHeader? DictionaryPage { get; set; }

    public DataPageHeaderV2? DataPageV2 { get; set; }
}
