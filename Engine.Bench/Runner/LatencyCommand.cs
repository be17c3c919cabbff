using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Core.Storage;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.Datasets;
using Engine.Storage.ObjectStores;

namespace Engine.Bench.Runner;

/// <summary>
/// The <c>latency</c> mode: how well prefetch and fragments in flight hide object-store latency. Writes a
/// table of N partition files, then scans it (a) from local disk, (b) through a store that adds D ms to
/// every request with the given concurrency, and (c) the same with prefetch depth 1 and one fragment at a
/// time. With <c>--s3</c> the table is uploaded to an s3rver started for the run (node tools from
/// <c>--node-dir</c>, by default Engine.Tests/node above the working folder) and (b) and (c) go through
/// <see cref="S3ObjectStore"/> with the delay in its HTTP pipeline, next to the same scan over S3 without delay.
/// <c>dotnet run -c Release --project Engine.Bench -- latency [--files 64] [--delay-ms 50] [--in-flight 16] [--threads 2] [--s3] [--node-dir path]</c>.
/// </summary>
public static class LatencyCommand
{
    private const string Sql = "SELECT sum(volume), max(price) FROM trades";
    private static readonly string[] s_valued = ["--files", "--delay-ms", "--in-flight", "--threads", "--repeat", "--node-dir"];
    private static readonly string[] s_flags = ["--s3"];

    /// <summary>Runs the mode with the arguments after <c>latency</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, s_valued, s_flags);
        var files = line.GetInt("--files", 64);
        var delay = TimeSpan.FromMilliseconds(line.GetInt("--delay-ms", 50));
        var inFlight = line.GetInt("--in-flight", 16);
        var threads = line.GetInt("--threads", 2);
        var repeat = Math.Max(1, line.GetInt("--repeat", 3));
        var folder = Directory.CreateTempSubdirectory("engine-latency-").FullName;
        try
        {
            await GeneratedDatasetWriter.WriteTradesAsync(new FileSystemObjectStore(folder), new TradesOptions { Rows = files * 20_000L, Symbols = files }).ConfigureAwait(false);
            var local = await MeasureAsync(new FileSystemObjectStore(folder), HiveCatalogOptions.Default, threads, inFlight, repeat).ConfigureAwait(false);
            if (line.Has("--s3"))
            {
                var nodeTools = line.Has("--node-dir") ? Path.GetFullPath(line.Get("--node-dir", string.Empty)) : S3rverProcess.FindNodeTools();
                await MeasureS3Async(new FileSystemObjectStore(folder), nodeTools, local, files, delay, threads, inFlight, repeat).ConfigureAwait(false);
                return 0;
            }

            var delayed = new DelayedObjectStore(new FileSystemObjectStore(folder), delay);
            var hidden = await MeasureAsync(delayed, HiveCatalogOptions.Default, threads, inFlight, repeat).ConfigureAwait(false);
            var serial = await MeasureAsync(delayed, new HiveCatalogOptions { PrefetchDepth = 1 }, 1, 1, 1).ConfigureAwait(false);
            var bound = (1.5 * files * delay.TotalMilliseconds / inFlight) + local.Ms;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{files} files, {delay.TotalMilliseconds:F0} ms per request, {threads} threads, {inFlight} fragments in flight: " +
                $"local {local.Ms:F1} ms; delayed {hidden.Ms:F1} ms ({hidden.Gets} GET) vs bound {bound:F1} ms; " +
                $"depth 1 and one fragment at a time {serial.Ms:F1} ms ({serial.Gets} GET) = {serial.Ms / hidden.Ms:F1}x slower"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureS3Async(
        FileSystemObjectStore source, string nodeTools, (double Ms, long Gets) local, int files, TimeSpan delay, int threads, int inFlight, int repeat)
    {
        using var server = await S3rverProcess.StartAsync(nodeTools).ConfigureAwait(false);
        var options = server.CreateOptions("latency/");
        using (var uploader = new S3ObjectStore(options))
        {
            await foreach (var item in source.ListAsync(string.Empty, CancellationToken.None).ConfigureAwait(false))
            {
                var content = new byte[item.Size];
                await source.ReadAsync(item.Key, 0, content, CancellationToken.None).ConfigureAwait(false);
                await uploader.WriteAsync(item.Key, content, CancellationToken.None).ConfigureAwait(false);
            }
        }

        using var direct = new S3ObjectStore(options);
        var plain = await MeasureAsync(direct, HiveCatalogOptions.Default, threads, inFlight, repeat).ConfigureAwait(false);
        using var delayed = new S3ObjectStore(options, inner => new DelayingHandler(delay, inner));
        var hidden = await MeasureAsync(delayed, HiveCatalogOptions.Default, threads, inFlight, repeat).ConfigureAwait(false);
        var serial = await MeasureAsync(delayed, new HiveCatalogOptions { PrefetchDepth = 1 }, 1, 1, 1).ConfigureAwait(false);
        var bound = (1.5 * files * delay.TotalMilliseconds / inFlight) + plain.Ms;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"S3 (s3rver, delay in the HTTP pipeline): {files} files, {delay.TotalMilliseconds:F0} ms per request, {threads} threads, {inFlight} fragments in flight: " +
            $"local disk {local.Ms:F1} ms; S3 without delay {plain.Ms:F1} ms ({plain.Gets} GET); delayed {hidden.Ms:F1} ms ({hidden.Gets} GET) vs bound {bound:F1} ms; " +
            $"depth 1 and one fragment at a time {serial.Ms:F1} ms ({serial.Gets} GET) = {serial.Ms / hidden.Ms:F1}x slower"));
    }

    private static async Task<(double Ms, long Gets)> MeasureAsync(IObjectStore store, HiveCatalogOptions options, int threads, int inFlight, int repeat)
    {
        var catalog = await HiveTableCatalog.OpenAsync(store, options: options).ConfigureAwait(false);
        var engine = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = threads, FragmentsInFlight = inFlight }));
        await engine.QueryAsync(Sql).ConfigureAwait(false);
        var samples = new List<double>();
        long gets = 0;
        for (var r = 0; r < repeat; r++)
        {
            var before = store.Statistics.ReadRequests;
            var watch = Stopwatch.StartNew();
            await engine.QueryAsync(Sql).ConfigureAwait(false);
            samples.Add(watch.Elapsed.TotalMilliseconds);
            gets = store.Statistics.ReadRequests - before;
        }

        return (samples.Order().ElementAt(samples.Count / 2), gets);
    }

    /// <summary>Adds a fixed delay to every request, as a distant object store would; counts through the inner store.</summary>
    private sealed class DelayedObjectStore(IObjectStore inner, TimeSpan delay) : IObjectStore
    {
        public ObjectStoreStatistics Statistics => inner.Statistics;

        public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            await foreach (var item in inner.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            {
                yield return item;
            }
        }

        public async ValueTask<long> GetSizeAsync(string key, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return await inner.GetSizeAsync(key, cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask<int> ReadAsync(string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return await inner.ReadAsync(key, offset, destination, cancellationToken).ConfigureAwait(false);
        }

        public ValueTask WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
            inner.WriteAsync(key, content, cancellationToken);
    }
}
