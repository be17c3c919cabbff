using Engine.Core.Storage;
using Engine.Storage.Formats;

namespace Engine.Storage.Catalog;

/// <summary>Finds the tables of a store: the files of a known format, grouped by their first path segment.</summary>
internal static class TableDiscovery
{
    /// <summary>One LIST of the whole store; table names in ordinal order, each with its files in listing order.</summary>
    public static async Task<SortedDictionary<string, List<ObjectInfo>>> ListTablesAsync(
        IObjectStore store, IReadOnlyList<ITableFileFormat> formats, CancellationToken cancellationToken)
    {
        var byTable = new SortedDictionary<string, List<ObjectInfo>>(StringComparer.Ordinal);
        await foreach (var item in store.ListAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            var slash = item.Key.IndexOf('/', StringComparison.Ordinal);
            // Names starting with '.' or '_' are hidden, as in Hive: temporary output, _SUCCESS markers.
            if (slash <= 0 || item.Key[0] is '.' or '_' || !formats.Any(f => f.Matches(item.Key)))
            {
                continue;
            }

            var table = item.Key[..slash];
            if (!byTable.TryGetValue(table, out var files))
            {
                byTable[table] = files = [];
            }

            files.Add(item);
        }

        return byTable;
    }
}
