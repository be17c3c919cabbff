namespace Engine.Core.Sql;

/// <summary>One token of SQL text with its position.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Offset">The 0-based offset of its first character.</param>
/// <param name="Length">How many characters of the source it spans (quotes included).</param>
/// <param name="Line">The 1-based line of its first character.</param>
/// <param name="Column">The 1-based column of its first character.</param>
/// <param name="Text">
/// The decoded text of identifiers (as written), quoted identifiers and strings (quotes removed, doubled
/// quotes unescaped); null for other kinds, whose text is the source span.
/// </param>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Offset, int Length, int Line, int Column, string? Text)
{
    /// <summary>The offset just after the token.</summary>
    public int End => Offset + Length;
}
