using System.Diagnostics;
using System.Globalization;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;

namespace Engine.Bench.Runner;

/// <summary>
/// The <c>decode</c> mode: Parquet decode throughput from one reading thread (with several columns, chunks of at
/// least <see cref="ParquetReaderOptions.ParallelDecodeBytes"/> decode side by side on pool threads). Reads the given columns of every row
/// group of every file under DIR/trades (files cached by the OS after the warm-up), R times, and prints MB/s
/// of uncompressed column-chunk bytes (as the footers state them) and of the Engine values produced.
/// <c>--no-crc</c> skips page CRC-32 verification (<see cref="ParquetReaderOptions.VerifyChecksums"/>).
/// <c>dotnet run -c Release --project Engine.Bench -- decode --data DIR --columns price [--repeat R] [--no-crc]</c>.
/// </summary>
public static class DecodeCommand
{
    private static readonly string[] s_valued = ["--data", "--columns", "--repeat"];
    private static readonly string[] s_flags = ["--no-crc"];

    /// <summary>Runs the mode with the arguments after <c>decode</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, s_valued, s_flags);
        var folder = Path.GetFullPath(Path.Combine(line.Get("--data", "bench-data"), "trades"));
        var columns = line.Get("--columns", "price").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var repeat = Math.Max(1, line.GetInt("--repeat", 3));
        var store = new FileSystemObjectStore(folder);
        var options = new ParquetReaderOptions { VerifyChecksums = !line.Has("--no-crc") };
        var readers = new List<ParquetFileReader>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            readers.Add(await ParquetFileReader.OpenAsync(store, Path.GetRelativePath(folder, file).Replace('\\', '/'), options).ConfigureAwait(false));
        }

        long uncompressed = 0;
        string codec = "?";
        foreach (var description in readers.Select(r => r.Describe()))
        {
            foreach (var chunk in description.RowGroups.SelectMany(g => g.Columns).Where(c => columns.Contains(c.Name, StringComparer.OrdinalIgnoreCase)))
            {
                uncompressed += chunk.UncompressedBytes;
                codec = chunk.Codec;
            }
        }

        await DecodeAllAsync(readers, columns).ConfigureAwait(false);
        var samples = new List<double>();
        long rows = 0;
        for (var r = 0; r < repeat; r++)
        {
            var watch = Stopwatch.StartNew();
            rows = await DecodeAllAsync(readers, columns).ConfigureAwait(false);
            samples.Add(watch.Elapsed.TotalSeconds);
        }

        var median = samples.Order().ElementAt(samples.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"columns {string.Join(',', columns)}, codec {codec}, CRC {(options.VerifyChecksums ? "on" : "off")}, {readers.Count} files, {rows:N0} rows, {uncompressed / 1e6:F1} MB uncompressed: " +
            $"median {median * 1000:F1} ms, {uncompressed / 1e6 / median:F0} MB/s, {rows / median / 1e6:F1} M rows/s (one reading thread)"));
        return 0;
    }

    private static async Task<long> DecodeAllAsync(List<ParquetFileReader> readers, string[] columns)
    {
        long rows = 0;
        foreach (var reader in readers)
        {
            foreach (var group in reader.RowGroups)
            {
                var batch = await reader.ReadRowGroupAsync(group.Index, columns).ConfigureAwait(false);
                rows += batch.RowCount;
            }
        }

        return rows;
    }
}
