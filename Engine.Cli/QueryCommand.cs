using System.CommandLine;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Cli;

/// <summary><c>engine query "SQL" [--threads N] [--format table|csv|json] [--explain] [--analyze]</c>.</summary>
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
        var command = new Command("query", "Run a SQL query and print the result on stdout") { sql, threads, format, explain, analyze, config };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(sql)!, parse.GetValue(threads), parse.GetValue(format), parse.GetValue(explain), parse.GetValue(analyze),
            parse.GetValue(config), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string sql, int threads, OutputFormat format, bool explain, bool analyze, FileInfo? configFile, CancellationToken cancellationToken)
    {
        try
        {
            using var services = BuildServices(threads, configFile);
            var catalog = services.GetRequiredService<InMemoryCatalog>();
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

    private static ServiceProvider BuildServices(int threads, FileInfo? configFile)
    {
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

        var configuration = builder.Build();
        var engineSection = configuration.GetSection("Engine");
        var services = new ServiceCollection();
        services.AddEngine(engineSection).AddLocalQueryScheduler(engineSection);
        return services.BuildServiceProvider();
    }
}
