using System.CommandLine;

namespace Engine.Cli;

/// <summary>The <c>engine</c> command: query tables with SQL.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the process exit code (0 success, 1 bad input, 2 internal error).</summary>
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("Engine: SQL over partitioned time-series data, on one thread, every core, or many machines.");
        root.Subcommands.Add(QueryCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
