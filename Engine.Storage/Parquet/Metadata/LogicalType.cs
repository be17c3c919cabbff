namespace Engine.Storage.Parquet.Metadata;

/// <summary>
/// A decoded Parquet LogicalType annotation: the union member that is set plus its parameters (only those
/// of the member apply; the others keep their defaults).
/// </summary>
public sealed record LogicalType
{
    /// <summary>Which kind of annotation this is.</summary>
    public LogicalTypeKind Kind { get; init; }

    /// <summary>DECIMAL scale.</summary>
    public int Scale { get; init; }

    /// <summary>DECIMAL precision.</summary>
    public int Precision { get; init; }

    /// <summary>TIME/TIMESTAMP: whether values are instants in UTC (true) or local wall-clock values (false).</summary>
    public bool IsAdjustedToUtc { get; init; }

    /// <summary>TIME/TIMESTAMP unit.</summary>
    public TimeUnit Unit { get; init; } = TimeUnit.Millis;

    /// <summary>INTEGER bit width (8, 16, 32 or 64).</summary>
    public int BitWidth { get; init; }

    /// <summary>INTEGER signedness.</summary>
    public bool IsSigned { get; init; } = true;
}
