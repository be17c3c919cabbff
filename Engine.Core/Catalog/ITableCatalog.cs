using System.Diagnostics.CodeAnalysis;

namespace Engine.Core.Catalog;

/// <summary>
/// Resolves table names to their schema and partitions. Implementations: <see cref="InMemoryCatalog"/> in
/// Core, a Hive directory catalog in Engine.Storage. Called by the planner, from any thread.
/// </summary>
/// <remarks>
/// The executor calls <see cref="FindTableAsync"/> for every table a statement names before it binds, then
/// binds with <see cref="TryGetTable"/>; a catalog that does I/O to find a table (listing a store, opening a
/// file a path names) does it in <see cref="FindTableAsync"/> and answers <see cref="TryGetTable"/> from memory.
/// </remarks>
public interface ITableCatalog
{
    /// <summary>The names of the tables the catalog knows now.</summary>
    IReadOnlyList<string> TableNames { get; }

    /// <summary>Looks up a table the catalog knows now by name (case-insensitive); never does I/O.</summary>
    bool TryGetTable(string name, [MaybeNullWhen(false)] out TableInfo table);

    /// <summary>
    /// Finds the table <paramref name="name"/>, doing the I/O that takes; the default answers from
    /// <see cref="TryGetTable"/>. Afterwards <see cref="TryGetTable"/> knows the table.
    /// </summary>
    /// <returns>The table, or null when there is none of that name.</returns>
    /// <exception cref="Errors.EngineException">The storage behind the catalog failed (a typed error saying how).</exception>
    ValueTask<TableInfo?> FindTableAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryGetTable(name, out var table) ? table : null);
}
