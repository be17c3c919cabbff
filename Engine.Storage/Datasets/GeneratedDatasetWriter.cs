using Engine.Core.Columns;
using Engine.Core.Generators;
using Engine.Core.Storage;
using Engine.Storage.Catalog;
using Engine.Storage.Parquet.Writing;

namespace Engine.Storage.Datasets;

/// <summary>
/// Writes the generated tables as Parquet in Hive layout, the way DuckDB's PARTITION_BY does: key columns
/// live in the path, not in the files. <c>trades/symbol=S0001/part-0.parquet</c>;
/// <c>cpu/hostname=host_0/date=2024-01-01/part-0.parquet</c>.
/// </summary>
public static class GeneratedDatasetWriter
{
    /// <summary>Writes <c>trades</c> into <paramref name="store"/>, one file per symbol.</summary>
    public static async Task<long> WriteTradesAsync(IObjectStore store, TradesOptions options, IProgress<DatasetProgress>? progress = null,
        string table = "trades", CancellationToken cancellationToken = default)
    {
        var generator = new TradesGenerator(options);
        long rows = 0;
        var done = 0;
        foreach (var partition in generator.GeneratePartitions())
        {
            var symbol = partition.KeyValues[TradesGenerator.SymbolColumn].StringValue;
            var key = $"{table}/{HivePath.Segment(TradesGenerator.SymbolColumn, symbol)}/part-0.parquet";
            rows += await WritePartitionAsync(store, key, partition.Batches, [TradesGenerator.SymbolColumn], cancellationToken).ConfigureAwait(false);
            progress?.Report(new DatasetProgress(++done, generator.PartitionCount, rows));
        }

        return rows;
    }

    /// <summary>Writes <c>cpu</c> into <paramref name="store"/>, one file per host and UTC day.</summary>
    public static async Task<long> WriteCpuAsync(IObjectStore store, CpuOptions options, IProgress<DatasetProgress>? progress = null,
        string table = "cpu", CancellationToken cancellationToken = default)
    {
        var generator = new CpuGenerator(options);
        var days = (int)(TimestampMicros.FloorDiv(options.EndMicros - 1, TimestampMicros.PerDay) - TimestampMicros.FloorDiv(options.StartMicros, TimestampMicros.PerDay) + 1);
        var total = options.EndMicros > options.StartMicros ? options.Hosts * days : 0;
        long rows = 0;
        var done = 0;
        foreach (var partition in generator.GeneratePartitions())
        {
            if (partition.Batches.Count == 0 || partition.Batches[0].RowCount == 0)
            {
                continue;
            }

            var host = partition.KeyValues[CpuGenerator.HostnameColumn].StringValue;
            var firstTime = ((Int64Column)partition.Batches[0][CpuGenerator.TimeColumn]).Values[0];
            var day = TimestampMicros.Format(firstTime - TimestampMicros.FloorMod(firstTime, TimestampMicros.PerDay))[..10];
            var key = $"{table}/{HivePath.Segment(CpuGenerator.HostnameColumn, host)}/{HivePath.Segment("date", day)}/part-0.parquet";
            rows += await WritePartitionAsync(store, key, partition.Batches, [CpuGenerator.HostnameColumn], cancellationToken).ConfigureAwait(false);
            progress?.Report(new DatasetProgress(++done, Math.Max(total, done), rows));
        }

        return rows;
    }

    private static async Task<long> WritePartitionAsync(IObjectStore store, string key, IReadOnlyList<ColumnBatch> batches, string[] pathColumns, CancellationToken cancellationToken)
    {
        var schema = batches[0].Schema;
        var keep = Enumerable.Range(0, schema.Count).Where(i => !pathColumns.Contains(schema[i].Name, StringComparer.OrdinalIgnoreCase)).ToArray();
        var fileSchema = new Schema(keep.Select(i => schema[i]).ToArray());
        var projected = batches.Select(b => new ColumnBatch(fileSchema, keep.Select(i => b.Columns[i]).ToArray(), b.RowCount)).ToList();
        await ParquetFileWriter.WriteToObjectStoreAsync(store, key, fileSchema, projected, cancellationToken: cancellationToken).ConfigureAwait(false);
        return projected.Sum(b => (long)b.RowCount);
    }
}
