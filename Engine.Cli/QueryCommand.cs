using System.CommandLine;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Hosting;
using Engine.Core.Scheduling;
using Engine.Core.Sql;
using Engine.Storage.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Cli;

/// <summary>
/// <c>engine query "SQL" [--data DIR|s3://…|gen:…] [--threads N] [--format table|csv|json] [--explain [--analyze]]
/// [--config FILE] [--scheduler local|remote --workers host:port,…|dns:NAME:PORT --secret-file F [--tls [--tls-thumbprint HEX | --tls-ca-file F]]]</c>.
/// Tables come from DIR or S3 (Hive-partitioned Parquet), or from generator specs held in memory; with no
/// --data and no configured storage, from ./data, where the sample tables are generated on first use.
/// </summary>
public static class QueryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "The SQL query, e.g. \"SELECT symbol, sum(volume) FROM trades GROUP BY symbol\"" };
        var data = new Option<string[]>("--data")
        {
            Description = "Folder or s3://bucket/prefix of Hive-partitioned Parquet tables (default ./data, with sample tables generated on first use), " +
                "or generated tables in memory: gen:trades:rows=N:symbols=K[:seed=S] or gen:cpu:hosts=H:hours=X[:seed=S] (repeatable)",
        };
        var threads = new Option<int>("--threads") { Description = "Worker threads; 0 = all cores, 1 = serial", DefaultValueFactory = _ => 0 };
        var format = new Option<OutputFormat>("--format") { Description = "Output format: table, csv or json", DefaultValueFactory = _ => OutputFormat.Table };
        var explain = new Option<bool>("--explain") { Description = "Print the plan, the fragments and the scheduling mode instead of running" };
        var analyze = new Option<bool>("--analyze") { Description = "With --explain: run the query and add what it did" };
        var config = new Option<FileInfo?>("--config") { Description = "An appsettings-style JSON file with an Engine section" };
        var scheduler = new Option<string?>("--scheduler") { Description = "local (default) or remote" };
        var workers = new Option<string?>("--workers") { Description = "With --scheduler remote: the workers, host:port,host:port, or dns:NAME:PORT for every address of a name (re-resolved every 30 s)" };
        var secretFile = new Option<FileInfo?>("--secret-file") { Description = "With --scheduler remote: the file holding the secret shared with the workers" };
        var tls = new Option<bool>("--tls") { Description = "With --scheduler remote: talk TLS to the workers (started with --tls-cert)" };
        var tlsThumbprint = new Option<string?>("--tls-thumbprint") { Description = "With --tls: trust the worker certificate with this SHA-1 (40 hex) or SHA-256 (64 hex) thumbprint" };
        var tlsCaFile = new Option<FileInfo?>("--tls-ca-file") { Description = "With --tls: trust worker certificates issued by the CA certificates in this PEM file" };
        var command = new Command("query", "Run a SQL query and print the result on stdout")
        {
            sql, data, threads, format, explain, analyze, config, scheduler, workers, secretFile, tls, tlsThumbprint, tlsCaFile,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(sql)!, parse.GetValue(data) ?? [], parse.GetValue(format), parse.GetValue(explain), parse.GetValue(analyze),
            new SchedulerSettings(
                parse.GetValue(threads), parse.GetValue(config), parse.GetValue(scheduler), parse.GetValue(workers), parse.GetValue(secretFile),
                parse.GetValue(tls), parse.GetValue(tlsThumbprint), parse.GetValue(tlsCaFile)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string sql, string[] data, OutputFormat format, bool explain, bool analyze, SchedulerSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var overrides = new Dictionary<string, string?>();
            EngineHost.AddScheduler(overrides, settings);
            var generated = data.Where(GeneratedDataSpec.IsGenerated).ToArray();
            var stored = data.Where(d => !GeneratedDataSpec.IsGenerated(d)).ToArray();
            if (stored.Length > 1 || (stored.Length == 1 && generated.Length > 0))
            {
                throw new ConfigurationException("--data", "give one folder or s3:// location, or any number of gen: specs, not both");
            }

            if (generated.Length > 0)
            {
                overrides["Engine:Storage:Kind"] = "Memory";
            }
            else if (stored.Length == 1)
            {
                overrides["Engine:Storage:Kind"] = StorageFactory.IsS3(stored[0]) ? "S3" : "Local";
                overrides["Engine:Storage:Root"] = stored[0];
            }

            var section = EngineHost.Configure(settings.ConfigFile, overrides);
            if (data.Length == 0 && section.GetSection("Storage")["Kind"] is null)
            {
                // No storage configured at all: the default data folder, with samples on first use.
                overrides["Engine:Storage:Kind"] = "Local";
                overrides["Engine:Storage:Root"] = EngineHost.DefaultDataFolder;
                section = EngineHost.Configure(settings.ConfigFile, overrides);
                await SampleData.EnsureOnDiskAsync(EngineHost.DefaultDataFolder, Console.Error, cancellationToken).ConfigureAwait(false);
            }

            using var services = EngineHost.BuildServices(section);
            if (string.Equals(services.GetRequiredService<EngineOptions>().StorageKind, "Memory", StringComparison.OrdinalIgnoreCase))
            {
                var catalog = services.GetRequiredService<InMemoryCatalog>();
                foreach (var spec in generated)
                {
                    GeneratedDataSpec.Register(catalog, spec);
                }

                if (generated.Length == 0)
                {
                    SampleData.RegisterInMemory(catalog, Console.Error);
                }
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

            if (QueryExecutor.IsSingleBlock(SqlParser.Parse(sql)))
            {
                reader.ScansTotal = (await engine.PlanAsync(sql, cancellationToken).ConfigureAwait(false)).Fragments.Sum(f => f.Scans.Count);
            }

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
