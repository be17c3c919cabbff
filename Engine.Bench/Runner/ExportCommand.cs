using System.Globalization;
using System.Text;
using Engine.Core.Columns;
using Engine.Core.Generators;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Parquet.Writing;

namespace Engine.Bench.Runner;

/// <summary>
/// The <c>export</c> mode: writes the data set of <c>--data</c> as Parquet, every column included, into
/// <c>OUT/&lt;table&gt;/</c>: one file per symbol for trades (<c>OUT/trades/S0001.parquet</c>, …), one file per host
/// and UTC day for cpu (<c>OUT/cpu/host_0-000.parquet</c>, …); the built-in queries of the data set in DuckDB's
/// dialect as <c>OUT/queries.duckdb.sql</c>, so the DuckDB script runs the same query ids on the same rows; and
/// the spec itself as <c>OUT/dataset.spec</c>, for <c>run --from-files</c>.
/// </summary>
public static class ExportCommand
{
    private static readonly string[] s_valued = ["--data", "--out", "--codec"];

    /// <summary>Runs the mode with the arguments after <c>export</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, s_valued, []);
        var data = line.Get("--data", "gen:trades:rows=10000000:symbols=100");
        var spec = DataSetSpec.Parse(data);
        var output = line.Get("--out", "bench-data");
        foreach (var table in new[] { "trades", "cpu" })
        {
            // A folder left by an export of the other data set would otherwise be loaded by compare.mjs too.
            var stale = Path.Combine(output, table);
            if (Directory.Exists(stale))
            {
                foreach (var file in Directory.EnumerateFiles(stale, "*.parquet"))
                {
                    File.Delete(file);
                }
            }
        }

        var tableDirectory = Path.Combine(output, spec.Table);
        Directory.CreateDirectory(tableDirectory);
        var options = new ParquetWriterOptions { Codec = Enum.Parse<CompressionCodec>(line.Get("--codec", "Snappy"), ignoreCase: true) };
        var files = 0;
        if (spec.Cpu is { } cpu)
        {
            var generator = new CpuGenerator(cpu);
            for (var host = 0; host < cpu.Hosts; host++)
            {
                var days = generator.GenerateHost(host);
                for (var day = 0; day < days.Count; day++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"{CpuGenerator.HostName(host)}-{day:D3}.parquet");
                    await WriteAsync(Path.Combine(tableDirectory, name), CpuGenerator.Schema, days[day].Batches, options).ConfigureAwait(false);
                    files++;
                }
            }
        }
        else
        {
            var generator = new TradesGenerator(spec.Trades!);
            for (var i = 0; i < generator.PartitionCount; i++)
            {
                var name = TradesGenerator.SymbolName(i) + ".parquet";
                await WriteAsync(Path.Combine(tableDirectory, name), TradesGenerator.Schema, generator.GeneratePartition(i).Batches, options).ConfigureAwait(false);
                files++;
            }
        }

        var sql = new StringBuilder();
        foreach (var query in StandardQueries.For(spec))
        {
            sql.Append("-- name: ").Append(query.Id).Append('\n').Append(query.DuckDbSql).Append(";\n\n");
        }

        await File.WriteAllTextAsync(Path.Combine(output, "queries.duckdb.sql"), sql.ToString()).ConfigureAwait(false);
        // `run --from-files --data DIR` rebuilds the same queries (their windows depend on the data set) from this.
        await File.WriteAllTextAsync(Path.Combine(output, RunCommand.DataSetFile), data).ConfigureAwait(false);
        await Console.Error.WriteLineAsync($"wrote {files} Parquet file(s) to {tableDirectory} and queries.duckdb.sql").ConfigureAwait(false);
        return 0;
    }

    private static async Task WriteAsync(string path, Schema schema, IReadOnlyList<ColumnBatch> batches, ParquetWriterOptions options)
    {
        var file = File.Create(path);
        await using (file.ConfigureAwait(false))
        {
            await ParquetFileWriter.WriteAsync(file, schema, batches, options).ConfigureAwait(false);
        }
    }
}
