using System.Diagnostics;
using System.Runtime.CompilerServices;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Storage.Catalog;

/// <summary>
/// Streams one partition scan as batches, one per file chunk the scan's rows touch, with bounded prefetch:
/// up to <see cref="HiveCatalogOptions.PrefetchDepth"/> chunks (and <see cref="HiveCatalogOptions.PrefetchBytes"/>
/// of their compressed bytes) are read on pool threads ahead of the consumer. Columns only the path holds
/// are constants. Thread-safe; counts the time consumers wait on reads.
/// </summary>
internal sealed class PartitionScanner(HiveCatalogOptions options)
{
    private long _waitTicks;

    /// <summary>The time consumers have waited for chunks, summed over every scan.</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitTicks));

    public async IAsyncEnumerable<ColumnBatch> ReadAsync(PartitionSource source, PartitionScan scan, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fields = new Field[scan.Columns.Count];
        var fileColumns = new List<string>();
        for (var i = 0; i < fields.Length; i++)
        {
            var index = source.Schema.IndexOf(scan.Columns[i]);
            if (index < 0)
            {
                throw new QueryBindException($"Column '{scan.Columns[i]}' does not exist in ({source.Schema}).");
            }

            fields[i] = source.Schema[index];
            if (!source.PathValues.ContainsKey(fields[i].Name))
            {
                fileColumns.Add(fields[i].Name);
            }
        }

        var schema = new Schema(fields);
        var end = scan.RowStart + scan.RowCount;
        var wanted = new List<(int Chunk, long Bytes, int First, int Rows)>();
        long chunkStart = 0;
        foreach (var chunk in source.File.Chunks)
        {
            var chunkEnd = chunkStart + chunk.RowCount;
            var from = Math.Max(chunkStart, scan.RowStart);
            var to = Math.Min(chunkEnd, end);
            if (from < to)
            {
                wanted.Add((chunk.Index, chunk.Bytes, (int)(from - chunkStart), (int)(to - from)));
            }

            chunkStart = chunkEnd;
        }

        // When the consumer stops — done, LIMIT, error or cancellation — the reads still in flight are
        // cancelled and awaited before the stream ends.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inFlight = new Queue<(Task<ColumnBatch> Read, long Bytes)>();
        long bytesInFlight = 0;
        var next = 0;
        try
        {
            while (next < wanted.Count || inFlight.Count > 0)
            {
                while (next < wanted.Count && inFlight.Count < options.PrefetchDepth &&
                    (inFlight.Count == 0 || bytesInFlight + wanted[next].Bytes <= options.PrefetchBytes))
                {
                    var (chunk, bytes, first, rows) = wanted[next];
                    var read = Task.Run(async () => await source.File.ReadAsync(chunk, fileColumns, first, rows, stop.Token).ConfigureAwait(false), stop.Token);
                    inFlight.Enqueue((read, bytes));
                    bytesInFlight += bytes;
                    next++;
                }

                var (task, done) = inFlight.Dequeue();
                bytesInFlight -= done;
                var waitStart = Stopwatch.GetTimestamp();
                var batch = await task.ConfigureAwait(false);
                Interlocked.Add(ref _waitTicks, Stopwatch.GetElapsedTime(waitStart).Ticks);
                var rowCount = wanted[next - inFlight.Count - 1].Rows;
                var columns = new Column[fields.Length];
                var fromFile = 0;
                for (var i = 0; i < fields.Length; i++)
                {
                    columns[i] = source.PathValues.TryGetValue(fields[i].Name, out var value)
                        ? ConstantColumn.Create(value, rowCount)
                        : batch.Columns[fromFile++];
                }

                yield return new ColumnBatch(schema, columns, rowCount);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var (task, _) in inFlight)
            {
                try
                {
                    await task.ConfigureAwait(false);
                }
                catch (Exception error) when (error is OperationCanceledException or EngineException)
                {
                    // The consumer has stopped (or failed); a read it no longer wants may end either way.
                }
            }
        }
    }
}
