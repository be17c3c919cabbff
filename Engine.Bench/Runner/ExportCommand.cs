using System.Text;
using Engine.Core.Generators;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Parquet.Writing;

namespace Engine.Bench.Runner;

/// <summary>
/// The <c>export</c> mode: writes the data set of <c>--data</c> as Parquet, one file per symbol
/// (<c>OUT/trades/S0001.parquet</c>, …, every column included), and the built-in queries in DuckDB's
/// dialect as <c>OUT/queries.duckdb.sql</c>, so the DuckDB script runs the same query ids on the same rows.
/// </summary>
public static class ExportCommand
{
    private static readonly string[] s_valued = ["--data", "--out", "--codec"];

    /// <summary>Runs the mode with the arguments after <c>export</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, s_valued, []);
        var spec = DataSetSpec.Parse(line.Get("--data", "gen:trades:rows=10000000:symbols=100"));
        var output = line.Get("--out", "bench-data");
        var tableDirectory = Path.Combine(output, "trades");
        Directory.CreateDirectory(tableDirectory);
        foreach (var stale in Directory.EnumerateFiles(tableDirectory, "*.parquet"))
        {
            File.Delete(stale);
        }

        var codec = Enum.Parse<CompressionCodec>(line.Get("--codec", "Snappy"), ignoreCase: true);
        var generator = new TradesGenerator(spec.Trades);
        for (var i = 0; i < generator.PartitionCount; i++)
        {
            var partition = generator.GeneratePartition(i);
            var file = File.Create(Path.Combine(tableDirectory, TradesGenerator.SymbolName(i) + ".parquet"));
            await using (file.ConfigureAwait(false))
            {
                await ParquetFileWriter.WriteAsync(file, TradesGenerator.Schema, partition.Batches, new ParquetWriterOptions { Codec = codec }).ConfigureAwait(false);
            }
        }

        var sql = new StringBuilder();
        foreach (var query in StandardQueries.Create(spec.Trades).Values)
        {
            sql.Append("-- name: ").Append(query.Id).Append('\n').Append(query.DuckDbSql).Append(";\n\n");
        }

        await File.WriteAllTextAsync(Path.Combine(output, "queries.duckdb.sql"), sql.ToString()).ConfigureAwait(false);
        // `run --from-files --data DIR` rebuilds the same queries (Q4's window depends on the data set) from this.
        await File.WriteAllTextAsync(Path.Combine(output, RunCommand.DataSetFile), line.Get("--data", "gen:trades:rows=10000000:symbols=100")).ConfigureAwait(false);
        await Console.Error.WriteLineAsync($"wrote {generator.PartitionCount} Parquet file(s) to {tableDirectory} and queries.duckdb.sql").ConfigureAwait(false);
        return 0;
    }
}
