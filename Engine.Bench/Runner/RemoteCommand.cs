using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Core.Functions;
using Engine.Core.Planning;
using Engine.Core.Scheduling;
using Engine.Schedulers.Local;
using Engine.Schedulers.Remote.Codec;
using Engine.Schedulers.Remote.Coordinator;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Bench.Runner;

/// <summary>
/// The <c>remote</c> mode: steady-state cost of the remote scheduler against the local one. Starts W real
/// <c>engine worker</c> processes on 127.0.0.1 (<c>dotnet engine.dll worker --listen 127.0.0.1:0 --data SPEC
/// --secret-file F --threads 1</c>, engine.dll from Engine.Cli's build output or <c>--engine</c>), then, with one
/// <see cref="RemoteQueryScheduler"/> kept for every repetition (connections persist): (a) the median
/// scatter/gather round with empty fragments (their scans removed) next to the local scheduler's round,
/// (b) Q1–Q6 remote against local (2 threads) on the same generated data (same spec, so the same partition
/// ids on both sides), (c) encode/decode throughput of Q3's fragments and partial results with the codec and
/// the bytes Q3 puts on the wire. Workers are stopped by process id at the end.
/// <c>dotnet run -c Release --project Engine.Bench -- remote [--data gen:trades:rows=10000000:symbols=100]
/// [--workers 2] [--repeat 5] [--rounds 300] [--engine PATH/engine.dll]</c>.
/// </summary>
public static class RemoteCommand
{
    private static readonly string[] s_valued = ["--data", "--workers", "--repeat", "--warmup", "--rounds", "--engine", "--threads"];

    /// <summary>Runs the mode with the arguments after <c>remote</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, s_valued, []);
        var data = line.Get("--data", "gen:trades:rows=10000000:symbols=100");
        var trades = DataSetSpec.Parse(data).RequireTrades("remote");
        var workerCount = Math.Max(1, line.GetInt("--workers", 2));
        var repeat = Math.Max(1, line.GetInt("--repeat", 5));
        var warmup = line.GetInt("--warmup", 1);
        var rounds = Math.Max(1, line.GetInt("--rounds", 300));
        var localThreads = line.GetInt("--threads", Environment.ProcessorCount);
        var engineDll = line.Get("--engine", FindEngineDll());

        var secretFile = Path.Combine(Path.GetTempPath(), "engine-bench-secret-" + Guid.NewGuid().ToString("N"));
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await File.WriteAllTextAsync(secretFile, secret).ConfigureAwait(false);
        var workers = new List<BenchWorker>();
        try
        {
            Console.WriteLine($"data {data}; {workerCount} worker process(es) with --threads 1 from {engineDll}; local scheduler {localThreads} threads");
            var starting = Enumerable.Range(0, workerCount).Select(_ => BenchWorker.StartAsync(engineDll, data, secretFile)).ToList();
            foreach (var start in starting)
            {
                workers.Add(await start.ConfigureAwait(false));
            }

            var catalog = EngineSetup.Trades(trades);
            Console.WriteLine($"workers ready: {string.Join(", ", workers.Select(w => $"{w.Address} (pid {w.ProcessId})"))}");
            using var remote = new RemoteQueryScheduler(new RemoteSchedulerOptions
            {
                Workers = [.. workers.Select(w => WorkerEndpoint.Parse(w.Address, "--workers"))],
                Secret = System.Text.Encoding.UTF8.GetBytes(secret),
                NodeName = "bench-coordinator",
            });
            var local = new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = localThreads });
            var remoteEngine = new QueryExecutor(catalog, catalog, remote);
            var localEngine = new QueryExecutor(catalog, catalog, local);
            var queries = StandardQueries.Create(trades);

            await MeasureRoundsAsync(remoteEngine, catalog, remote, local, rounds).ConfigureAwait(false);
            await MeasureQueriesAsync(queries, remoteEngine, localEngine, warmup, repeat).ConfigureAwait(false);
            await MeasureCodecAsync(localEngine, catalog, local, queries["Q3"].EngineSql).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }

            File.Delete(secretFile);
        }
    }

    // (a) Empty fragments: the plan's fragments with their scans removed, so a worker does nothing but
    // decode, run an empty fragment and answer. Fresh query ids per round; the remote connections persist.
    private static async Task MeasureRoundsAsync(QueryExecutor engine, InMemoryCatalog catalog, RemoteQueryScheduler remote, LocalQueryScheduler local, int rounds)
    {
        var planned = (await engine.PlanAsync("SELECT symbol, sum(volume) FROM trades GROUP BY symbol").ConfigureAwait(false)).Fragments;
        foreach (var count in new[] { 2, planned.Count }.Distinct())
        {
            var template = planned.Take(count).Select(f => f with { Scans = [] }).ToArray();
            var remoteRound = await RoundAsync(remote, template, catalog, rounds).ConfigureAwait(false);
            var localRound = await RoundAsync(local, template, catalog, rounds).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(a) scatter/gather round, {count} empty fragment(s), median of {rounds}: remote {remoteRound.Median:F0} µs (p10 {remoteRound.P10:F0}, p90 {remoteRound.P90:F0}); " +
                $"local {localRound.Median:F1} µs (p10 {localRound.P10:F1}, p90 {localRound.P90:F1})"));
        }
    }

    private static async Task<(double Median, double P10, double P90)> RoundAsync(IQueryScheduler scheduler, QueryFragment[] template, InMemoryCatalog catalog, int rounds)
    {
        var samples = new double[rounds];
        var warmup = Math.Max(20, rounds / 10);
        for (var r = -warmup; r < rounds; r++)
        {
            var id = Guid.NewGuid();
            var fragments = template.Select(f => f with { QueryId = id }).ToArray();
            var context = new QueryContext(id, catalog);
            var start = Stopwatch.GetTimestamp();
            await scheduler.ScatterAsync(fragments, context, CancellationToken.None).ConfigureAwait(false);
            if (r >= 0)
            {
                samples[r] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        Array.Sort(samples);
        return (samples[rounds / 2], samples[rounds / 10], samples[rounds * 9 / 10]);
    }

    // (b) Each query: warm-up runs on both, then remote and local alternately so both see the same load.
    private static async Task MeasureQueriesAsync(IReadOnlyDictionary<string, BenchQuery> queries, QueryExecutor remote, QueryExecutor local, int warmup, int repeat)
    {
        Console.WriteLine($"(b) query | local median ms | remote median ms | remote/local   ({repeat} measured, {warmup} warm-up each)");
        foreach (var query in queries.Values.OrderBy(q => q.Id, StringComparer.Ordinal))
        {
            for (var w = 0; w < warmup; w++)
            {
                await local.QueryAsync(query.EngineSql).ConfigureAwait(false);
                await remote.QueryAsync(query.EngineSql).ConfigureAwait(false);
            }

            var localSamples = new List<double>();
            var remoteSamples = new List<double>();
            long localRows = 0;
            long remoteRows = 0;
            for (var r = 0; r < repeat; r++)
            {
                var watch = Stopwatch.StartNew();
                localRows = (await local.QueryAsync(query.EngineSql).ConfigureAwait(false)).RowCount;
                localSamples.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                remoteRows = (await remote.QueryAsync(query.EngineSql).ConfigureAwait(false)).RowCount;
                remoteSamples.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (localRows != remoteRows)
            {
                throw new InvalidOperationException($"{query.Id}: remote returned {remoteRows} rows, local {localRows}.");
            }

            var l = QueryTiming.From(localSamples, localRows);
            var m = QueryTiming.From(remoteSamples, remoteRows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {query.Id} | {l.MedianMs,8:F1} | {m.MedianMs,8:F1} | {m.MedianMs / l.MedianMs,5:F2}   (local {l.MinMs:F1}–{l.MaxMs:F1}, remote {m.MinMs:F1}–{m.MaxMs:F1}, {localRows} rows)"));
        }
    }

    // (c) The codec alone, in this process: Q3's fragments (with their scans) and the partial results the local
    // scheduler computes for each of them, encoded and decoded repeatedly; and the frames Q3 puts on the wire
    // (Execute out, Result back, each with its 4-byte length prefix), computed from the same encoder.
    private static async Task MeasureCodecAsync(QueryExecutor engine, InMemoryCatalog catalog, LocalQueryScheduler local, string sql)
    {
        var fragments = (await engine.PlanAsync(sql).ConfigureAwait(false)).Fragments;
        // One fragment at a time, as a worker runs each fragment it is sent: one partial result per fragment.
        var partials = new List<PartialResult>(fragments.Count);
        foreach (var fragment in fragments)
        {
            partials.AddRange((await local.ScatterAsync([fragment], new QueryContext(fragment.QueryId, catalog), CancellationToken.None).ConfigureAwait(false)).Partials);
        }

        var buffer = new ArrayBufferWriter<byte>(1 << 20);

        var fragmentBytes = Encode(buffer, fragments, static (w, f) => FragmentCodec.Write(w, f));
        var partialBytes = Encode(buffer, partials, static (w, p) => PartialResultCodec.Write(w, p));
        var fragmentEncode = Throughput(fragmentBytes.Sum(b => b.Length), () => Encode(buffer, fragments, static (w, f) => FragmentCodec.Write(w, f)));
        var fragmentDecode = Throughput(fragmentBytes.Sum(b => b.Length), () =>
        {
            foreach (var bytes in fragmentBytes)
            {
                var reader = new MessagePackReader(bytes);
                FragmentCodec.Read(ref reader, FunctionRegistry.BuiltIn);
            }
        });
        var partialEncode = Throughput(partialBytes.Sum(b => b.Length), () => Encode(buffer, partials, static (w, p) => PartialResultCodec.Write(w, p)));
        var partialDecode = Throughput(partialBytes.Sum(b => b.Length), () =>
        {
            foreach (var bytes in partialBytes)
            {
                var reader = new MessagePackReader(bytes);
                PartialResultCodec.Read(ref reader, FunctionRegistry.BuiltIn);
            }
        });

        var queryId = ExecuteMessage.FormatQueryId(fragments[0].QueryId);
        var outBytes = Encode(buffer, fragments, static (w, f) => new ExecuteMessage(f).Write(w)).Sum(b => (long)b.Length + FrameFormat.HeaderSize);
        var backBytes = Encode(buffer, partials.Select((p, i) => (p, i)).ToArray(), (w, x) => new ResultMessage(queryId, fragments[x.i].FragmentId, x.p, 0).Write(w))
            .Sum(b => (long)b.Length + FrameFormat.HeaderSize);
        var groups = partials.OfType<GroupPartial>().Sum(p => (long)p.GroupCount);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(c) Q3 fragments: {fragments.Count}, {fragmentBytes.Sum(b => b.Length):N0} bytes encoded; encode {fragmentEncode:F0} MB/s, decode {fragmentDecode:F0} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    Q3 partial results: {partials.Count}, {groups:N0} groups, {partialBytes.Sum(b => b.Length):N0} bytes encoded ({(double)partialBytes.Sum(b => b.Length) / groups:F1} bytes/group); encode {partialEncode:F0} MB/s, decode {partialDecode:F0} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    Q3 on the wire: {outBytes:N0} bytes out (Execute frames), {backBytes:N0} bytes back (Result frames), {outBytes + backBytes:N0} in all"));
    }

    private static List<ReadOnlyMemory<byte>> Encode<T>(ArrayBufferWriter<byte> buffer, IReadOnlyList<T> items, Action<MessagePackWriter, T> write)
    {
        var encoded = new List<ReadOnlyMemory<byte>>(items.Count);
        foreach (var item in items)
        {
            buffer.ResetWrittenCount();
            write(new MessagePackWriter(buffer), item);
            encoded.Add(buffer.WrittenSpan.ToArray());
        }

        return encoded;
    }

    // Runs the action until at least half a second has passed (after one warm-up call); MB/s of 10^6 bytes.
    private static double Throughput(long bytesPerCall, Action action)
    {
        action();
        var calls = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(0.5) || calls < 3)
        {
            action();
            calls++;
        }

        return bytesPerCall * (double)calls / watch.Elapsed.TotalSeconds / 1e6;
    }

    private static string FindEngineDll()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            foreach (var configuration in new[] { "Release", "Debug" })
            {
                var candidate = Path.Combine(folder.FullName, "Engine.Cli", "bin", configuration, "net10.0", "engine.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ArgumentException("engine.dll not found next to Engine.Cli's build output; build Engine.Cli (dotnet build -c Release Engine.Cli) or pass --engine PATH.");
    }
}
