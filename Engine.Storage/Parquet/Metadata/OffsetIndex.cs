namespace Engine.Storage.Parquet.Metadata;

/// <summary>The OffsetIndex of a column chunk (parquet-format PageIndex.md): where each data page lies and its first row.</summary>
internal sealed class OffsetIndex(PageLocation[] pages)
{
    /// <summary>The data pages in file order (dictionary pages are not listed).</summary>
    public IReadOnlyList<PageLocation> Pages { get; } = pages;
}
