namespace Engine.Core.Planning;

/// <summary>One ORDER BY key over an output column. NULLs sort last unless <paramref name="NullsFirst"/> (DuckDB's default).</summary>
/// <param name="Column">Index of the column being sorted on.</param>
/// <param name="Descending">True for DESC.</param>
/// <param name="NullsFirst">True to put NULLs before values.</param>
public sealed record SortKey(int Column, bool Descending, bool NullsFirst);
