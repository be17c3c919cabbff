namespace Engine.Storage.Parquet.Metadata;

/// <summary>Whether a Parquet field must, may or may repeatedly hold a value.</summary>
public enum FieldRepetition
{
    /// <summary>Exactly one value per row (no definition levels).</summary>
    Required = 0,

    /// <summary>Zero or one value per row (NULL allowed).</summary>
    Optional = 1,

    /// <summary>Any number of values per row (a nested list; not supported by Engine).</summary>
    Repeated = 2,
}
