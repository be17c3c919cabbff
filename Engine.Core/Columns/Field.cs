namespace Engine.Core.Columns;

/// <summary>A named, typed column of a schema.</summary>
/// <param name="Name">The column name as stored (case preserved).</param>
/// <param name="Type">The logical type.</param>
/// <param name="Nullable">Whether the column may hold NULLs.</param>
public sealed record Field(string Name, DataType Type, bool Nullable = true);
