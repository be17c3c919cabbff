using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Engine.Core.Execution;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;

namespace Engine.Bench.Runner;

/// <summary>
/// The <c>run</c> mode: load a data set, run the chosen queries W times unmeasured and R times measured on
/// T threads, and print either one JSON object (<c>--json</c>, nothing else on stdout) or a readable table.
/// <c>--in-memory</c> (the default) loads the data before timing, so only the queries are timed;
/// <c>--from-files --data DIR</c> queries the Parquet files that <c>export</c> wrote to DIR, read on every run.
/// <c>--worker-threads pool|dedicated</c> picks where the local scheduler's workers run (default: the option's default).
/// </summary>
public static class RunCommand
{
    /// <summary>The file in an exported folder that names the generator spec it was made from.</summary>
    public const string DataSetFile = "dataset.spec";

    private static readonly string[] s_valued = ["--data", "--queries", "--threads", "--repeat", "--warmup", "--worker-threads"];
    private static readonly string[] s_flags = ["--in-memory", "--from-files", "--json"];

    /// <summary>Runs the mode with the arguments after <c>run</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, s_valued, s_flags);
        var fromFiles = line.Has("--from-files");
        var data = line.Get("--data", "gen:trades:rows=10000000:symbols=100");
        var spec = DataSetSpec.Parse(fromFiles ? (await File.ReadAllTextAsync(Path.Combine(data, DataSetFile)).ConfigureAwait(false)).Trim() : data);
        var threads = line.GetInt("--threads", Environment.ProcessorCount);
        var repeat = Math.Max(1, line.GetInt("--repeat", 5));
        var warmup = line.GetInt("--warmup", 1);
        var queries = SelectQueries(line.Get("--queries", string.Empty), spec);
        var workerThreads = ParseWorkerThreads(line.Get("--worker-threads", ""));

        var load = Stopwatch.StartNew();
        QueryExecutor engine;
        if (fromFiles)
        {
            // Discovery only (one listing and one footer read per file); the data is read by every query.
            var files = await HiveTableCatalog.OpenAsync(new FileSystemObjectStore(Path.GetFullPath(data))).ConfigureAwait(false);
            engine = EngineSetup.Local(files, files, threads, workerThreads: workerThreads);
        }
        else
        {
            var catalog = spec.CreateCatalog();
            engine = EngineSetup.Local(catalog, catalog, threads, workerThreads: workerThreads);
        }

        load.Stop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var results = new List<(BenchQuery Query, QueryTiming Timing, double AllocatedMb)>();
        foreach (var query in queries)
        {
            for (var w = 0; w < warmup; w++)
            {
                await engine.QueryAsync(query.EngineSql).ConfigureAwait(false);
            }

            var samples = new List<double>(repeat);
            var allocations = new List<double>(repeat);
            long rows = 0;
            for (var r = 0; r < repeat; r++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var result = await engine.QueryAsync(query.EngineSql).ConfigureAwait(false);
                watch.Stop();
                allocations.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / (1024.0 * 1024.0));
                samples.Add(watch.Elapsed.TotalMilliseconds);
                rows = result.RowCount;
            }

            results.Add((query, QueryTiming.From(samples, rows), allocations.Order().ElementAt(allocations.Count / 2)));
        }

        var stdout = Console.OpenStandardOutput();
        await using (stdout.ConfigureAwait(false))
        {
            if (line.Has("--json"))
            {
                WriteJson(stdout, threads, load.Elapsed.TotalMilliseconds, results);
            }
            else
            {
                using var text = new StreamWriter(stdout);
                text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threads {threads}, load {load.Elapsed.TotalMilliseconds:F1} ms, repeat {repeat}, warmup {warmup}"));
                var width = results.Select(r => r.Query.Id.Length).Append(5).Max();
                text.WriteLine("query".PadRight(width) + "  median_ms      min_ms      max_ms       rows  allocated_mb");
                foreach (var (query, timing, allocated) in results)
                {
                    text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.Id.PadRight(width)} {timing.MedianMs,10:F3} {timing.MinMs,11:F3} {timing.MaxMs,11:F3} {timing.Rows,10} {allocated,13:F2}"));
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// Resolves <c>--queries</c>: a comma-separated list of built-in ids of the data set (Q1–Q6 for trades, the
    /// TSBS names for cpu), empty for all of them, or a <c>.sql</c> file of named blocks.
    /// </summary>
    public static IReadOnlyList<BenchQuery> SelectQueries(string text, DataSetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
        {
            return QueryFile.Parse(File.ReadAllText(text));
        }

        var all = StandardQueries.For(spec);
        if (text.Length == 0)
        {
            return all;
        }

        var standard = all.ToDictionary(q => q.Id, StringComparer.OrdinalIgnoreCase);
        var selected = new List<BenchQuery>();
        foreach (var id in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            selected.Add(standard.TryGetValue(id, out var query)
                ? query
                : throw new ArgumentException($"Unknown query id '{id}'; built in: {string.Join(',', standard.Keys)}."));
        }

        return selected;
    }

    private static LocalWorkerThreads? ParseWorkerThreads(string text) => text.ToUpperInvariant() switch
    {
        "" => null,
        "POOL" => LocalWorkerThreads.Pool,
        "DEDICATED" => LocalWorkerThreads.Dedicated,
        _ => throw new ArgumentException($"--worker-threads must be pool or dedicated, got '{text}'."),
    };

    private static void WriteJson(Stream output, int threads, double loadMs, IReadOnlyList<(BenchQuery Query, QueryTiming Timing, double AllocatedMb)> results)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteNumber("threads", threads);
        json.WriteNumber("load_ms", Math.Round(loadMs, 3));
        json.WriteStartObject("queries");
        foreach (var (query, timing, allocated) in results)
        {
            json.WriteStartObject(query.Id);
            json.WriteNumber("median_ms", Math.Round(timing.MedianMs, 4));
            json.WriteNumber("min_ms", Math.Round(timing.MinMs, 4));
            json.WriteNumber("max_ms", Math.Round(timing.MaxMs, 4));
            json.WriteNumber("rows", timing.Rows);
            json.WriteNumber("allocated_mb", Math.Round(allocated, 3));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }
}
