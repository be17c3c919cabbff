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

    /// <summary>
    /// Creates an error for a construct of <paramref name="sql"/> at a 1-based line and column: the message
    /// says what is not supported (e.g. "JOIN is not supported yet") and shows the line with a caret.
    /// </summary>
    public UnsupportedFeatureException(string problem, string sql, int line, int column)
        : base(QueryErrorFormatter.Format("Not supported", problem, sql, line, column))
    {
        Feature = problem;
        Line = line;
        Column = column;
    }

    private UnsupportedFeatureException(string message, string feature, int line) : base(message)
    {
        Feature = feature;
        Line = line;
    }

    /// <summary>An error that carries a message formatted on another node (a remote worker); the feature is the whole message.</summary>
    internal static UnsupportedFeatureException FromMessage(string message) => new(message, message, 0);

    /// <summary>The feature that is not supported.</summary>
    public string Feature { get; }

    /// <summary>The 1-based line of the construct in the SQL text, or 0 when the error is not about SQL text.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the construct in the SQL text, or 0 when the error is not about SQL text.</summary>
    public int Column { get; }
}
