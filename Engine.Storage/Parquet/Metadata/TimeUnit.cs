namespace Engine.Storage.Parquet.Metadata;

/// <summary>The unit of a TIME or TIMESTAMP logical type.</summary>
public enum TimeUnit
{
    /// <summary>Milliseconds.</summary>
    Millis = 1,

    /// <summary>Microseconds.</summary>
    Micros = 2,

    /// <summary>Nanoseconds.</summary>
    Nanos = 3,
}
