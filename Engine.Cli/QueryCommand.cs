using System.CommandLine;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Cli;

/// <summary>
/// <c>engine query "SQL" [--threads N] [--format table|csv|json] [--explain] [--analyze] [--data SPEC]...
/// [--scheduler local|remote --workers host:port,... --secret-file F]</c>.
/// </summary>
public static class QueryCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "The SQL query, e.g. \"SELECT symbol, sum(volume) FROM trades GROUP BY symbol\"" };
        var threads = new Option<int>("--threads") { Description = "Worker threads; 0 = all cores, 1 = serial", DefaultValueFactory = _ => 0 };
        var format = new Option<OutputFormat>("--format") { Description = "Output format: table, csv or json", DefaultValueFactory = _ => OutputFormat.Table };
        var explain = new Option<bool>("--explain") { Description = "Print the plan, the fragments and the scheduling mode instead of running" };
        var analyze = new Option<bool>("--analyze") { Description = "With --explain: run the query and add what it did" };
        var config = new Option<FileInfo?>("--config") { Description = "An appsettings-style JSON file with an Engine section" };
        var data = new Option<string[]>("--data") { Description = "Generated tables instead of the samples: gen:trades:rows=N:symbols=K[:seed=S] or gen:cpu:hosts=H:hours=X[:seed=S]; repeatable" };
        var scheduler = new Option<string?>("--scheduler") { Description = "local (default) or remote" };
        var workers = new Option<string?>("--workers") { Description = "With --scheduler remote: the workers, host:port,host:port" };
        var secretFile = new Option<FileInfo?>("--secret-file") { Description = "With --scheduler remote: the file holding the secret shared with the workers" };
        var command = new Command("query", "Run a SQL query and print the result on stdout") { sql, threads, format, explain, analyze, config, data, scheduler, workers, secretFile };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(sql)!, parse.GetValue(format), parse.GetValue(explain), parse.GetValue(analyze), parse.GetValue(data) ?? [],
            new SchedulerSettings(parse.GetValue(threads), parse.GetValue(config), parse.GetValue(scheduler), parse.GetValue(workers), parse.GetValue(secretFile)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string sql, OutputFormat format, bool explain, bool analyze, string[] data, SchedulerSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            using var services = BuildServices(settings);
            var catalog = services.GetRequiredService<InMemoryCatalog>();
            foreach (var spec in data)
            {
                GeneratedDataSpec.Register(catalog, spec);
            }

            if (catalog.TableNames.Count == 0)
            {
                SampleData.Register(catalog, Console.Error);
            }

            var engine = (QueryExecutor)services.GetRequiredService<IQueryEngine>();
            if (explain)
            {
                var text = analyze
                    ? await engine.ExplainAnalyzeAsync(sql, cancellationToken).ConfigureAwait(false)
                    : await engine.ExplainAsync(sql, cancellationToken).ConfigureAwait(false);
                Console.Out.WriteLine(text);
                return 0;
            }

            var result = await engine.QueryAsync(sql, cancellationToken).ConfigureAwait(false);
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

    private static ServiceProvider BuildServices(SchedulerSettings settings)
    {
        var (threads, configFile, scheduler, workers, secretFile) = settings;
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            if (!configFile.Exists)
            {
                throw new ConfigurationException("--config", $"file '{configFile.FullName}' does not exist");
            }

            builder.AddJsonFile(configFile.FullName, optional: false);
        }

        builder.AddEnvironmentVariables();
        if (threads != 0)
        {
            builder.AddInMemoryCollection([new KeyValuePair<string, string?>("Engine:Scheduler:MaxThreads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        var overrides = new List<KeyValuePair<string, string?>>();
        if (scheduler is not null)
        {
            overrides.Add(new("Engine:Scheduler:Kind", scheduler));
        }

        if (workers is not null)
        {
            overrides.Add(new("Engine:Scheduler:Workers", workers));
        }

        if (secretFile is not null)
        {
            overrides.Add(new("Engine:Scheduler:SecretFile", secretFile.FullName));
        }

        builder.AddInMemoryCollection(overrides);
        var configuration = builder.Build();
        var engineSection = configuration.GetSection("Engine");
        var services = new ServiceCollection();
        services.AddEngine(engineSection).AddLocalQueryScheduler(engineSection).AddRemoteQueryScheduler(engineSection);
        return services.BuildServiceProvider();
    }
}
