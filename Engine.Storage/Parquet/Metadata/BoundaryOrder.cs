namespace Engine.Storage.Parquet.Metadata;

/// <summary>How a ColumnIndex's per-page min/max values are ordered (parquet-format BoundaryOrder), so a reader may binary-search them.</summary>
internal enum BoundaryOrder
{
    /// <summary>No order is promised.</summary>
    Unordered = 0,

    /// <summary>Every page's min and max are at least those of the non-NULL page before it.</summary>
    Ascending = 1,

    /// <summary>Every page's min and max are at most those of the non-NULL page before it.</summary>
    Descending = 2,
}
