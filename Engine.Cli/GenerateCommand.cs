using System.CommandLine;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Generators;
using Engine.Core.Storage;
using Engine.Storage.Datasets;
using Engine.Storage.Hosting;

namespace Engine.Cli;

/// <summary>
/// <c>engine generate trades --rows N --symbols K --out DIR [--seed N]</c> and
/// <c>engine generate cpu --hosts H --start T --end T --out DIR [--seed N]</c>: deterministic data sets written
/// as Hive-partitioned Parquet under DIR/&lt;table&gt;.
/// </summary>
public static class GenerateCommand
{
    /// <summary>Builds the command with its two subcommands.</summary>
    public static Command Create()
    {
        var command = new Command("generate", "Write a generated data set as Hive-partitioned Parquet");
        command.Subcommands.Add(Trades());
        command.Subcommands.Add(Cpu());
        return command;
    }

    private static Command Trades()
    {
        var rows = new Option<long>("--rows") { Description = "Rows in total", DefaultValueFactory = _ => 1_000_000 };
        var symbols = new Option<int>("--symbols") { Description = "Symbols (one partition each)", DefaultValueFactory = _ => 20 };
        var output = OutOption();
        var seed = SeedOption();
        var command = new Command("trades", "Trades: ts, symbol, price (bounded random walk), volume; partitioned by symbol") { rows, symbols, output, seed };
        command.SetAction((parse, cancellationToken) =>
        {
            var r = parse.GetValue(rows);
            var s = parse.GetValue(symbols);
            return RunAsync(parse.GetValue(output)!, "trades", () =>
            {
                Require(r >= 0, "--rows", $"must not be negative, got {r}");
                Require(s >= 1, "--symbols", $"must be at least 1, got {s}");
                return new TradesOptions { Rows = r, Symbols = s, Seed = parse.GetValue(seed) };
            }, (store, options, progress, table) => GeneratedDatasetWriter.WriteTradesAsync(store, options, progress, table, cancellationToken));
        });
        return command;
    }

    private static Command Cpu()
    {
        var hosts = new Option<int>("--hosts") { Description = "Hosts (host_0 … host_{H-1})", DefaultValueFactory = _ => 10 };
        var start = new Option<string>("--start") { Description = "First timestamp, ISO-8601", DefaultValueFactory = _ => "2024-01-01T00:00:00Z" };
        var end = new Option<string>("--end") { Description = "End timestamp (exclusive), ISO-8601", DefaultValueFactory = _ => "2024-01-02T00:00:00Z" };
        var output = OutOption();
        var seed = SeedOption();
        var command = new Command("cpu", "TSBS cpu-only: one row per host every 10 s; partitioned by hostname and day") { hosts, start, end, output, seed };
        command.SetAction((parse, cancellationToken) =>
        {
            return RunAsync(parse.GetValue(output)!, "cpu", () =>
            {
                var h = parse.GetValue(hosts);
                Require(h >= 1, "--hosts", $"must be at least 1, got {h}");
                var from = ParseTime("--start", parse.GetValue(start)!);
                var to = ParseTime("--end", parse.GetValue(end)!);
                Require(to > from, "--end", "must be after --start");
                return new CpuOptions { Hosts = h, StartMicros = from, EndMicros = to, Seed = parse.GetValue(seed) };
            }, (store, options, progress, table) => GeneratedDatasetWriter.WriteCpuAsync(store, options, progress, table, cancellationToken));
        });
        return command;
    }

    private static Option<string> OutOption() =>
        new("--out") { Description = "Folder or s3://bucket/prefix to write into; the table goes to DIR/<table>", Required = true };

    private static Option<ulong> SeedOption() =>
        new("--seed") { Description = "Random seed (same seed, same data)", DefaultValueFactory = _ => 42 };

    private static async Task<int> RunAsync<TOptions>(
        string folder, string table, Func<TOptions> options,
        Func<IObjectStore, TOptions, IProgress<DatasetProgress>, string, Task<long>> write)
    {
        try
        {
            var generatorOptions = options();
            using var display = ProgressDisplay.ForConsole();
            long rows = 0;
            var progress = new Progress<DatasetProgress>(p =>
                display.Show($"writing {table}: {p.PartitionsDone}/{p.PartitionsTotal} files, {p.RowsWritten:N0} rows"));
            var store = StorageFactory.Open(folder, key: "--out", create: true);
            try
            {
                if (StorageFactory.IsS3(folder))
                {
                    // Object stores have no rename: refuse an existing table, then write in place.
                    await foreach (var existing in store.ListAsync(table + "/", CancellationToken.None).ConfigureAwait(false))
                    {
                        throw new StorageException($"{folder.TrimEnd('/')}/{table}", 1, $"already exists ({existing.Key}); remove it or choose another --out");
                    }

                    rows = await write(store, generatorOptions, progress, table).ConfigureAwait(false);
                }
                else
                {
                    if (Directory.Exists(Path.Combine(folder, table)))
                    {
                        throw new StorageException(Path.Combine(folder, table), 1, "already exists; remove it or choose another --out");
                    }

                    await SampleData.WriteTableAsync(folder, table, async name => rows = await write(store, generatorOptions, progress, name).ConfigureAwait(false)).ConfigureAwait(false);
                }
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }

            display.Dispose();
            Console.Error.WriteLine($"engine: wrote {rows:N0} rows of {table} to {folder.TrimEnd('/')}/{table} in {display.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        catch (EngineException error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
    }

    private static long ParseTime(string option, string text) =>
        TimestampMicros.TryParse(text, out var micros)
            ? micros
            : throw new ConfigurationException(option, $"'{text}' is not an ISO-8601 timestamp such as 2024-01-01T00:00:00Z");

    private static void Require(bool condition, string option, string problem)
    {
        if (!condition)
        {
            throw new ConfigurationException(option, problem);
        }
    }
}
