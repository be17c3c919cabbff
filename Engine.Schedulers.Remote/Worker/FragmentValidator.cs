using System.Runtime.CompilerServices;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Planning;

namespace Engine.Schedulers.Remote.Worker;

/// <summary>
/// Checks a decoded fragment against the worker's own catalog before a slot is taken or a row is read:
/// every scanned partition exists here (else <see cref="StorageException"/>, another worker may hold it),
/// holds the data the coordinator planned against and contains the scanned row range (else
/// <see cref="DataMismatchException"/> naming the table, the partition, this worker and what differed).
/// Thread-safe; partition lookups are indexed once per table version.
/// </summary>
internal sealed class FragmentValidator
{
    private readonly ITableCatalog _catalog;
    private readonly string _worker;
    private readonly ConditionalWeakTable<TableInfo, Dictionary<string, PartitionInfo>> _partitions = [];

    public FragmentValidator(ITableCatalog catalog, string worker)
    {
        _catalog = catalog;
        _worker = worker;
    }

    /// <summary>Throws the typed error of the first problem of <paramref name="fragment"/>; returns when it may run.</summary>
    public async ValueTask ValidateAsync(QueryFragment fragment, CancellationToken cancellationToken)
    {
        foreach (var scan in fragment.Scans)
        {
            var table = await _catalog.FindTableAsync(scan.Table, cancellationToken).ConfigureAwait(false)
                ?? throw new StorageException(scan.PartitionId, 1, $"worker {_worker} has no table '{scan.Table}'");
            var partitions = _partitions.GetValue(table, t => t.Partitions.ToDictionary(p => p.Id, StringComparer.Ordinal));
            if (!partitions.TryGetValue(scan.PartitionId, out var partition))
            {
                throw new StorageException(scan.PartitionId, 1, $"worker {_worker} has no partition '{scan.PartitionId}' in table '{table.Name}'");
            }

            if (scan.Expected is { } expected && partition.Identity.DifferenceFrom(expected) is { } difference)
            {
                throw new DataMismatchException(table.Name, partition.Id, _worker, difference);
            }

            // RowStart and RowCount are non-negative (the codec checks), so this cannot overflow.
            if (scan.RowCount > partition.RowCount || scan.RowStart > partition.RowCount - scan.RowCount)
            {
                throw new DataMismatchException(table.Name, partition.Id, _worker,
                    $"the scan reads rows {scan.RowStart} to {scan.RowStart + scan.RowCount} but the partition has {partition.RowCount} rows here");
            }
        }
    }
}
