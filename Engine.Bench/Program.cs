using BenchmarkDotNet.Running;
using Engine.Bench.Runner;

namespace Engine.Bench;

/// <summary>
/// Entry point. <c>run</c> is the side-by-side comparison runner, <c>remote</c> the remote-against-local
/// steady-state measurements, <c>decode</c> Parquet decode throughput, <c>decode-compare</c> decode per type against
/// ParquetSharp, <c>export</c> writes the data set and the
/// DuckDB queries, <c>sweep</c> measures the mode thresholds, <c>chart</c> draws the Engine/DuckDB SVG;
/// anything else goes to BenchmarkDotNet's switcher.
/// </summary>
public static class Program
{
    /// <summary>Dispatches on the first argument; returns the process exit code.</summary>
    public static async Task<int> Main(string[] args)
    {
        var rest = args.Skip(1).ToArray();
        try
        {
            switch (args.FirstOrDefault())
            {
                case "run":
                    return await RunCommand.RunAsync(rest).ConfigureAwait(false);
                case "remote":
                    return await RemoteCommand.RunAsync(rest).ConfigureAwait(false);
                case "latency":
                    return await LatencyCommand.RunAsync(rest).ConfigureAwait(false);
                case "decode":
                    return await DecodeCommand.RunAsync(rest).ConfigureAwait(false);
                case "decode-compare":
                    return await DecodeCompareCommand.RunAsync(rest).ConfigureAwait(false);
                case "export":
                    return await ExportCommand.RunAsync(rest).ConfigureAwait(false);
                case "sweep":
                    return await SweepCommand.RunAsync(rest).ConfigureAwait(false);
                case "chart":
                    return await ChartCommand.RunAsync(rest).ConfigureAwait(false);
                default:
                    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                    return 0;
            }
        }
        catch (Exception error) when (error is ArgumentException or FormatException or IOException)
        {
            await Console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            return 2;
        }
    }
}
