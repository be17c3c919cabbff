namespace Engine.Core.Storage;

/// <summary>
/// A partition reader that can report its storage activity. <see cref="Execution.QueryExecutor"/> snapshots it
/// before and after a query and reports the difference (exact when queries run one at a time; with
/// concurrent queries on one store the counters include each other's requests).
/// </summary>
public interface IStorageActivitySource
{
    /// <summary>The counters now, or false when the reader has no object store behind it.</summary>
    bool TrySnapshot(out StorageActivity activity);
}
