using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Core.Catalog;

/// <summary>
/// A catalog and partition reader over batches held in memory. Host apps and tests register tables from
/// generated data or their own batches; each batch becomes a chunk with exact min/max statistics.
/// Thread-safe: tables may be registered while queries run. Partition ids are deterministic
/// (<c>mem://{table}/{partitionIndex}</c>), so two processes that register the same generated data agree on
/// them and a coordinator can send a worker a scan by id; a replaced table reuses its ids, so a query planned
/// before the replacement reads the new batches.
/// </summary>
public sealed class InMemoryCatalog : ITableCatalog, IPartitionReader
{
    private readonly ConcurrentDictionary<string, TableInfo> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ColumnBatch>> _partitions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<string> TableNames => [.. _tables.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <inheritdoc />
    public bool TryGetTable(string name, [MaybeNullWhen(false)] out TableInfo table) => _tables.TryGetValue(name, out table);

    /// <summary>The id of partition <paramref name="partitionIndex"/> of <paramref name="table"/>: <c>mem://{table}/{partitionIndex}</c>.</summary>
    public static string PartitionId(string table, int partitionIndex) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"mem://{table}/{partitionIndex}");

    /// <summary>
    /// Registers (or replaces) table <paramref name="name"/>. Each entry of <paramref name="partitions"/> is
    /// one partition: its key values and its batches, which must all have <paramref name="schema"/>.
    /// <paramref name="version"/> (e.g. the spec of the generator that made the rows) becomes every partition's
    /// <see cref="PartitionInfo.Version"/>, so two processes that registered other data can tell.
    /// </summary>
    public TableInfo Register(
        string name,
        Schema schema,
        IReadOnlyList<(IReadOnlyDictionary<string, ScalarValue> KeyValues, IReadOnlyList<ColumnBatch> Batches)> partitions,
        string? timeColumn,
        string? version = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (timeColumn is not null)
        {
            var index = schema.IndexOf(timeColumn);
            if (index < 0 || schema[index].Type != DataType.Timestamp)
            {
                throw new ArgumentException($"Time column '{timeColumn}' is not a TIMESTAMP column of ({schema}).", nameof(timeColumn));
            }
        }

        var infos = new List<PartitionInfo>(partitions.Count);
        var batchesById = new Dictionary<string, IReadOnlyList<ColumnBatch>>(StringComparer.Ordinal);
        for (var p = 0; p < partitions.Count; p++)
        {
            var (keyValues, given) = partitions[p];
            var batches = given.Select(MarkSortedColumns).ToArray();
            var id = PartitionId(name, p);
            var chunks = new List<PartitionChunk>(batches.Length);
            long rowStart = 0;
            foreach (var batch in batches)
            {
                if (!SameSchema(batch.Schema, schema))
                {
                    throw new ArgumentException($"A batch of table '{name}' has schema ({batch.Schema}), expected ({schema}).", nameof(partitions));
                }

                chunks.Add(new PartitionChunk(rowStart, batch.RowCount, ComputeStatistics(batch)));
                rowStart += batch.RowCount;
            }

            batchesById[id] = batches;
            infos.Add(new PartitionInfo(id, keyValues, rowStart, chunks) { Version = version });
        }

        var table = new TableInfo(name, schema, infos, timeColumn);
        if (_tables.TryGetValue(name, out var previous))
        {
            // Ids are deterministic, so a replacing table reuses the ids it still has: drop only the rest.
            foreach (var partition in previous.Partitions)
            {
                if (!batchesById.ContainsKey(partition.Id))
                {
                    _partitions.TryRemove(partition.Id, out _);
                }
            }
        }

        foreach (var (id, batches) in batchesById)
        {
            _partitions[id] = batches;
        }

        _tables[name] = table;
        return table;
    }

    /// <summary>Registers a table of one partition with no key values made of <paramref name="batches"/>.</summary>
    public TableInfo Register(string name, IReadOnlyList<ColumnBatch> batches, string? timeColumn = null)
    {
        if (batches.Count == 0)
        {
            throw new ArgumentException("At least one batch is needed to know the schema.", nameof(batches));
        }

        return Register(name, batches[0].Schema, [(new Dictionary<string, ScalarValue>(), batches)], timeColumn);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ColumnBatch> ReadAsync(PartitionScan scan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_partitions.TryGetValue(scan.PartitionId, out var batches))
        {
            throw new StorageException(scan.PartitionId, 1, "no such in-memory partition (was the table replaced?)");
        }

        var end = scan.RowStart + scan.RowCount;
        long batchStart = 0;
        foreach (var batch in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batchEnd = batchStart + batch.RowCount;
            var from = Math.Max(batchStart, scan.RowStart);
            var to = Math.Min(batchEnd, end);
            if (from < to)
            {
                yield return Project(batch, scan.Columns).Slice((int)(from - batchStart), (int)(to - from));
            }

            batchStart = batchEnd;
            if (batchStart >= end)
            {
                break;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    // Stored data is scanned many times: proving once which BIGINT/TIMESTAMP columns are ascending (ts within
    // a partition) spares every time-range query its per-morsel sortedness pass.
    private static ColumnBatch MarkSortedColumns(ColumnBatch batch)
    {
        var columns = new Column[batch.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = batch.Columns[c] is Int64Column ints ? ints.WithSortedOrderChecked() : batch.Columns[c];
        }

        return new ColumnBatch(batch.Schema, columns, batch.RowCount);
    }

    /// <summary>Exact min/max/null count of every column of <paramref name="batch"/>.</summary>
    public static IReadOnlyDictionary<string, ColumnStatistics> ComputeStatistics(ColumnBatch batch)
    {
        var statistics = new Dictionary<string, ColumnStatistics>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < batch.Columns.Count; c++)
        {
            statistics[batch.Schema[c].Name] = ColumnStatisticsCalculator.Compute(batch.Columns[c]);
        }

        return statistics;
    }

    private static ColumnBatch Project(ColumnBatch batch, IReadOnlyList<string> columns)
    {
        var fields = new Field[columns.Count];
        var projected = new Column[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var index = batch.Schema.IndexOf(columns[i]);
            if (index < 0)
            {
                throw new QueryBindException($"Column '{columns[i]}' does not exist in ({batch.Schema}).");
            }

            fields[i] = batch.Schema[index];
            projected[i] = batch.Columns[index];
        }

        return new ColumnBatch(new Schema(fields), projected, batch.RowCount);
    }

    private static bool SameSchema(Schema left, Schema right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!string.Equals(left[i].Name, right[i].Name, StringComparison.Ordinal) || left[i].Type != right[i].Type)
            {
                return false;
            }
        }

        return true;
    }
}
