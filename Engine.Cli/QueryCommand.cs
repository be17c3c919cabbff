using System.CommandLine;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Hosting;
using Engine.Core.Scheduling;
using Engine.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Cli;

/// <summary>
/// <c>engine query "SQL" [--data DIR] [--threads N] [--format table|csv|json] [--explain [--analyze]] [--config FILE]</c>.
/// Tables come from DIR (Hive-partitioned Parquet); with no --data and no configured storage, from ./data,
/// where the sample tables are generated on first use.
/// </summary>
public static class QueryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "The SQL query, e.g. \"SELECT symbol, sum(volume) FROM trades GROUP BY symbol\"" };
        var data = new Option<string?>("--data") { Description = "Folder or s3://bucket/prefix of Hive-partitioned Parquet tables (default ./data, with sample tables generated on first use)" };
        var threads = new Option<int>("--threads") { Description = "Worker threads; 0 = all cores, 1 = serial", DefaultValueFactory = _ => 0 };
        var format = new Option<OutputFormat>("--format") { Description = "Output format: table, csv or json", DefaultValueFactory = _ => OutputFormat.Table };
        var explain = new Option<bool>("--explain") { Description = "Print the plan, the fragments and the scheduling mode instead of running" };
        var analyze = new Option<bool>("--analyze") { Description = "With --explain: run the query and add what it did" };
        var config = new Option<FileInfo?>("--config") { Description = "An appsettings-style JSON file with an Engine section" };
        var command = new Command("query", "Run a SQL query and print the result on stdout") { sql, data, threads, format, explain, analyze, config };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(sql)!, parse.GetValue(data), parse.GetValue(threads), parse.GetValue(format), parse.GetValue(explain), parse.GetValue(analyze),
            parse.GetValue(config), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string sql, string? data, int threads, OutputFormat format, bool explain, bool analyze, FileInfo? configFile, CancellationToken cancellationToken)
    {
        try
        {
            var overrides = new Dictionary<string, string?>();
            EngineHost.AddThreads(overrides, threads);
            if (data is not null)
            {
                overrides["Engine:Storage:Kind"] = StorageFactory.IsS3(data) ? "S3" : "Local";
                overrides["Engine:Storage:Root"] = data;
            }

            var section = EngineHost.Configure(configFile, overrides);
            if (data is null && section.GetSection("Storage")["Kind"] is null)
            {
                // No storage configured at all: the default data folder, with samples on first use.
                overrides["Engine:Storage:Kind"] = "Local";
                overrides["Engine:Storage:Root"] = EngineHost.DefaultDataFolder;
                section = EngineHost.Configure(configFile, overrides);
                await SampleData.EnsureOnDiskAsync(EngineHost.DefaultDataFolder, Console.Error, cancellationToken).ConfigureAwait(false);
            }

            using var services = EngineHost.BuildServices(section);
            if (string.Equals(services.GetRequiredService<EngineOptions>().StorageKind, "Memory", StringComparison.OrdinalIgnoreCase))
            {
                SampleData.RegisterInMemory(services.GetRequiredService<InMemoryCatalog>(), Console.Error);
            }

            using var display = ProgressDisplay.ForConsole();
            var reader = new ScanProgressReader(services.GetRequiredService<IPartitionReader>(), display);
            var engine = new QueryExecutor(services.GetRequiredService<ITableCatalog>(), reader, services.GetRequiredService<IQueryScheduler>());
            if (explain)
            {
                var text = analyze
                    ? await engine.ExplainAnalyzeAsync(sql, cancellationToken).ConfigureAwait(false)
                    : await engine.ExplainAsync(sql, cancellationToken).ConfigureAwait(false);
                display.Dispose();
                Console.Out.WriteLine(text);
                return 0;
            }

            reader.ScansTotal = engine.Plan(sql).Fragments.Sum(f => f.Scans.Count);
            var result = await engine.QueryAsync(sql, cancellationToken).ConfigureAwait(false);
            display.Dispose();
            ResultFormatter.Write(result, format, Console.Out);
            if (format == OutputFormat.Table)
            {
                var s = result.Statistics;
                Console.Error.WriteLine($"{result.RowCount:N0} row(s) in {s.Elapsed.TotalMilliseconds:F1} ms; {s.RowsScanned:N0} rows scanned in {s.PartitionsScanned} of {s.PartitionsTotal} partitions; {s.Mode} ({s.ModeReason})");
            }

            return 0;
        }
        catch (EngineException error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("engine: cancelled");
            return 130;
        }
    }
}
