using Engine.Core.Errors;
using Engine.Core.Storage;
using Engine.Storage.Formats;
using Engine.Storage.ObjectStores;

namespace Engine.Storage.Catalog;

/// <summary>
/// Resolves <c>FROM 'path'</c>: a table name that is a path names a local file, or a folder whose files of a
/// known format (in any subfolder, Hive keys in their paths) are one table.
/// </summary>
internal static class PathTables
{
    /// <summary>True when <paramref name="name"/> is a path rather than a table name.</summary>
    public static bool IsPathName(string name) =>
        name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) ||
        name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || name.StartsWith('.');

    /// <summary>The store holding <paramref name="path"/> and the files of the table it names, in ordinal order.</summary>
    /// <exception cref="StorageException">No such file or folder, or a folder without table files.</exception>
    public static (FileSystemObjectStore Store, List<ObjectInfo> Files) Resolve(string path, IReadOnlyList<ITableFileFormat> formats)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return (new FileSystemObjectStore(Path.GetDirectoryName(full)!), [new ObjectInfo(Path.GetFileName(full), new FileInfo(full).Length)]);
        }

        if (!Directory.Exists(full))
        {
            throw new StorageException(path, 1, "no such file or folder");
        }

        var files = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Where(f => formats.Any(format => format.Matches(f)))
            .Select(f => new ObjectInfo(Path.GetRelativePath(full, f).Replace('\\', '/'), new FileInfo(f).Length))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new StorageException(path, 1, $"the folder holds no {string.Join(" or ", formats.Select(f => f.Name))} files");
        }

        return (new FileSystemObjectStore(full), files);
    }
}
