using Engine.Core.Storage;

namespace Engine.Storage.Formats;

/// <summary>
/// A file format tables can be stored in (Parquet; later Arrow IPC): which objects it reads and how to open
/// one. The <see cref="Catalog.HiveTableCatalog"/> discovers tables and scans partitions through this seam
/// and knows nothing of the format itself.
/// </summary>
/// <remarks>
/// Implementations are shared by every table and thread and must be thread-safe. The catalog owns the
/// <see cref="ITableFile"/>s it opens and keeps them for the life of the table.
/// </remarks>
public interface ITableFileFormat
{
    /// <summary>The format's name, for messages (<c>Parquet</c>).</summary>
    string Name { get; }

    /// <summary>True when <paramref name="key"/> names a file of this format (by its extension).</summary>
    bool Matches(string key);

    /// <summary>Opens <paramref name="file"/> of <paramref name="store"/>: reads what describes it (a footer), not its data.</summary>
    /// <returns>The opened file: its schema, row count and statistics, and readers of its columns.</returns>
    /// <exception cref="Core.Errors.CorruptDataException">The file is not a valid file of this format.</exception>
    /// <exception cref="Core.Errors.UnsupportedFeatureException">The file uses a feature this reader lacks.</exception>
    /// <exception cref="Core.Errors.StorageException">The store could not be read.</exception>
    ValueTask<ITableFile> OpenAsync(IObjectStore store, ObjectInfo file, CancellationToken cancellationToken);
}
