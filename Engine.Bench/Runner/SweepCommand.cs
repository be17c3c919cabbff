using System.Diagnostics;
using System.Globalization;
using Engine.Core.Execution;
using Engine.Core.Generators;

namespace Engine.Bench.Runner;

/// <summary>
/// The <c>sweep</c> mode: for growing row counts, times a query SERIAL (one thread) against PARTITION (one
/// fragment per symbol, <c>--threads</c> threads, no serial threshold) on a table of as many symbols as
/// threads, and SERIAL against CHUNKED on a one-symbol table. The smallest row count where the parallel mode
/// wins is what the default SerialThresholdRows should be. Prints a Markdown table.
/// </summary>
public static class SweepCommand
{
    private static readonly string[] s_valued = ["--rows", "--threads", "--repeat", "--warmup", "--query"];

    /// <summary>Runs the mode with the arguments after <c>sweep</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, s_valued, []);
        var threads = line.GetInt("--threads", Environment.ProcessorCount);
        var repeat = Math.Max(1, line.GetInt("--repeat", 21));
        var warmup = line.GetInt("--warmup", 5);
        var queryId = line.Get("--query", "Q1");
        var sizes = line.Get("--rows", "10000,30000,100000,300000,1000000,3000000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();

        var output = Console.Out;
        await output.WriteLineAsync($"{queryId}, median ms of {repeat} runs, {threads} threads for the parallel modes").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"| rows | SERIAL ({threads} symbols) | PARTITION | speed-up | SERIAL (1 symbol) | CHUNKED | speed-up |").ConfigureAwait(false);
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|---:|---:|").ConfigureAwait(false);
        foreach (var rows in sizes)
        {
            var many = new TradesOptions { Rows = rows, Symbols = threads };
            var one = new TradesOptions { Rows = rows, Symbols = 1 };
            var manyCatalog = EngineSetup.Trades(many);
            var oneCatalog = EngineSetup.Trades(one);
            var sqlMany = StandardQueries.Create(many)[queryId].EngineSql;
            var sqlOne = StandardQueries.Create(one)[queryId].EngineSql;
            var serialMany = await MedianAsync(EngineSetup.Local(manyCatalog, 1), sqlMany, repeat, warmup).ConfigureAwait(false);
            var partition = await MedianAsync(EngineSetup.Local(manyCatalog, threads, serialThresholdRows: 0), sqlMany, repeat, warmup).ConfigureAwait(false);
            var serialOne = await MedianAsync(EngineSetup.Local(oneCatalog, 1), sqlOne, repeat, warmup).ConfigureAwait(false);
            var chunked = await MedianAsync(EngineSetup.Local(oneCatalog, threads, serialThresholdRows: 0), sqlOne, repeat, warmup).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"| {rows:N0} | {serialMany:F3} | {partition:F3} | {serialMany / partition:F2}× | {serialOne:F3} | {chunked:F3} | {serialOne / chunked:F2}× |")).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<double> MedianAsync(QueryExecutor engine, string sql, int repeat, int warmup)
    {
        for (var w = 0; w < warmup; w++)
        {
            await engine.QueryAsync(sql).ConfigureAwait(false);
        }

        var samples = new double[repeat];
        for (var r = 0; r < repeat; r++)
        {
            var watch = Stopwatch.StartNew();
            await engine.QueryAsync(sql).ConfigureAwait(false);
            samples[r] = watch.Elapsed.TotalMilliseconds;
        }

        return QueryTiming.From(samples, 0).MedianMs;
    }
}
