namespace Engine.Storage.Parquet.Metadata;

/// <summary>Kinds of Parquet pages.</summary>
internal enum PageType
{
    /// <summary>Data page, version 1 (levels inside the compressed body).</summary>
    DataPage = 0,

    /// <summary>Index page (unused by readers).</summary>
    IndexPage = 1,

    /// <summary>Dictionary page.</summary>
    DictionaryPage = 2,

    /// <summary>Data page, version 2 (levels uncompressed in front of the body).</summary>
    DataPageV2 = 3,
}
