using System.Diagnostics.CodeAnalysis;

namespace Engine.Core.Catalog;

/// <summary>
/// Resolves table names to their schema and partitions. Implementations: <see cref="InMemoryCatalog"/> in
/// Core, a Hive directory catalog in Engine.Storage. Called by the planner, from any thread.
/// </summary>
public interface ITableCatalog
{
    /// <summary>The names of the tables the catalog knows now.</summary>
    IReadOnlyList<string> TableNames { get; }

    /// <summary>Looks up a table by name (case-insensitive).</summary>
    bool TryGetTable(string name, [MaybeNullWhen(false)] out TableInfo table);
}
