namespace Engine.Cli;

/// <summary>How <c>engine query</c> prints results on stdout.</summary>
public enum OutputFormat
{
    /// <summary>An aligned text table for people.</summary>
    Table,

    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,

    /// <summary>One JSON array of row objects (column name → value, keys in SELECT order) and nothing else.</summary>
    Json,
}
