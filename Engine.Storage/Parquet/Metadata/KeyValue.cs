namespace Engine.Storage.Parquet.Metadata;

/// <summary>A key/value metadata entry of a file or column chunk (the value may be absent).</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value, or null when absent.</param>
public sealed record KeyValue(string Key, string? Value);
