namespace Engine.Core.Errors;

/// <summary>
/// Valid input that uses a feature Engine does not implement (a Parquet codec, a nested column, a month
/// interval). The message names the feature so the user knows what to change.
/// </summary>
public sealed class UnsupportedFeatureException : EngineException
{
    /// <summary>Creates an error naming <paramref name="feature"/> with optional detail.</summary>
    public UnsupportedFeatureException(string feature, string? detail = null)
        : base(detail is null ? $"Unsupported: {feature}" : $"Unsupported: {feature}: {detail}")
    {
        Feature = feature;
    }

    /// <summary>The feature that is not supported.</summary>
    public string Feature { get; }
}
