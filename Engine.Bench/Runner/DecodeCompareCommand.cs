using System.Diagnostics;
using System.Globalization;
using Engine.Core.Columns;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Parquet.Writing;
using SharpReader = ParquetSharp.ParquetFileReader;
using SharpReaderProperties = ParquetSharp.ReaderProperties;

namespace Engine.Bench.Runner;

/// <summary>
/// The <c>decode-compare</c> mode: column decode on one thread, Engine's reader against ParquetSharp (a comparison
/// point for the bench only, never a dependency of the product), on the same Engine-written files. Writes (once)
/// DIR/&lt;codec&gt;/part-K.parquet with F files of N rows each, one row group per file, every page with its CRC-32:
/// <c>id</c> INT64, <c>price</c> DOUBLE, <c>ts</c> TIMESTAMP, <c>dict</c> a dictionary-encoded string of 100 values and
/// <c>plain</c> a string of unique values (its dictionary is too large, so it is PLAIN). Then, per codec, column and
/// CRC setting, reads that one column of every file R times with each reader, alternating, and prints the median
/// and range in ms and the ratio Engine / ParquetSharp as a Markdown table. Engine reads through a
/// <see cref="FileSystemObjectStore"/> into its columns; ParquetSharp through its <c>LogicalReader&lt;T&gt;().ReadAll</c>
/// into .NET arrays (long, double, DateTime, string). Files stay in the OS cache after the warm-up.
/// <c>dotnet Engine.Bench.dll decode-compare --out DIR [--rows N] [--files F] [--repeat R] [--codecs Uncompressed,Snappy,Zstd] [--columns id,price,ts,dict,plain]</c>.
/// </summary>
public static class DecodeCompareCommand
{
    private static readonly string[] s_valued = ["--out", "--rows", "--files", "--repeat", "--codecs", "--columns"];
    private static readonly Schema s_schema = new(
    [
        new Field("id", DataType.Int64, Nullable: false),
        new Field("price", DataType.Double, Nullable: false),
        new Field("ts", DataType.Timestamp, Nullable: false),
        new Field("dict", DataType.String, Nullable: false),
        new Field("plain", DataType.String, Nullable: false),
    ]);

    /// <summary>Runs the mode with the arguments after <c>decode-compare</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, s_valued, []);
        var output = Path.GetFullPath(line.Get("--out", "decode-compare-data"));
        var rows = line.GetInt("--rows", 1_000_000);
        var files = line.GetInt("--files", 4);
        var repeat = Math.Max(1, line.GetInt("--repeat", 5));
        var codecs = line.Get("--codecs", "Uncompressed,Snappy,Zstd").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => Enum.Parse<CompressionCodec>(c, ignoreCase: true)).ToArray();
        var columns = line.Get("--columns", "id,price,ts,dict,plain").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files} files x {rows:N0} rows, one row group each; median [min-max] ms over {repeat} runs per reader, 1 thread; load {LoadAverage()}"));
        Console.WriteLine("| codec | column | CRC | Engine ms | ParquetSharp ms | Engine / ParquetSharp |");
        Console.WriteLine("|---|---|---|---:|---:|---:|");
        foreach (var codec in codecs)
        {
            var folder = Path.Combine(output, codec.ToString().ToLowerInvariant());
            var paths = await EnsureFilesAsync(folder, codec, rows, files).ConfigureAwait(false);
            foreach (var column in columns)
            {
                foreach (var crc in new[] { true, false })
                {
                    var engine = await OpenEngineAsync(folder, paths, crc).ConfigureAwait(false);
                    var properties = SharpReaderProperties.GetDefaultReaderProperties();
                    if (crc)
                    {
                        properties.EnablePageChecksumVerification();
                    }

                    var index = s_schema.IndexOf(column);
                    var type = s_schema[index].Type;
                    await DecodeEngineAsync(engine, column).ConfigureAwait(false);
                    DecodeSharp(paths, properties, index, column);
                    var engineTimes = new List<double>();
                    var sharpTimes = new List<double>();
                    for (var r = 0; r < repeat; r++)
                    {
                        var watch = Stopwatch.StartNew();
                        await DecodeEngineAsync(engine, column).ConfigureAwait(false);
                        engineTimes.Add(watch.Elapsed.TotalMilliseconds);
                        watch.Restart();
                        DecodeSharp(paths, properties, index, column);
                        sharpTimes.Add(watch.Elapsed.TotalMilliseconds);
                    }

                    var ratio = Median(engineTimes) / Median(sharpTimes);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {codec} | {column} ({Describe(type, column)}) | {(crc ? "on" : "off")} | {Summary(engineTimes)} | {Summary(sharpTimes)} | {ratio:F2} |"));
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load at the end {LoadAverage()}"));
        return 0;
    }

    private static string Describe(DataType type, string column) => column switch
    {
        "dict" => "STRING, dictionary",
        "plain" => "STRING, plain",
        _ => type.SqlName(),
    };

    private static async Task<List<string>> EnsureFilesAsync(string folder, CompressionCodec codec, int rows, int files)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>(files);
        var options = new ParquetWriterOptions { Codec = codec, RowGroupRows = rows };
        for (var f = 0; f < files; f++)
        {
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"part-{f}.parquet"));
            paths.Add(path);
            if (File.Exists(path))
            {
                continue;
            }

            var file = File.Create(path);
            await using (file.ConfigureAwait(false))
            {
                await ParquetFileWriter.WriteAsync(file, s_schema, [Batch(rows, seed: f)], options).ConfigureAwait(false);
            }
        }

        return paths;
    }

    // Values like a trades table: rising ids and timestamps with jitter, prices on a cent grid around 100.
    private static ColumnBatch Batch(int rows, int seed)
    {
        var random = new Random(seed);
        var ids = new long[rows];
        var prices = new double[rows];
        var timestamps = new long[rows];
        var dictionary = new string[rows];
        var plain = new string[rows];
        var start = TimestampMicros.Parse("2024-01-01T00:00:00Z");
        var price = 100.0;
        for (var i = 0; i < rows; i++)
        {
            ids[i] = ((long)seed * rows) + i + random.Next(3);
            price = Math.Max(1, price + ((random.Next(21) - 10) * 0.01));
            prices[i] = Math.Round(price, 2);
            timestamps[i] = start + (i * 10_000L) + random.Next(10_000);
            dictionary[i] = string.Create(CultureInfo.InvariantCulture, $"venue-{random.Next(100):D3}");
            plain[i] = string.Create(CultureInfo.InvariantCulture, $"order-{seed:D2}-{i:D8}");
        }

        return new ColumnBatch(s_schema, [new Int64Column(ids), new DoubleColumn(prices), new Int64Column(timestamps, null, DataType.Timestamp), StringColumn.FromValues(dictionary), StringColumn.FromValues(plain)], rows);
    }

    private static async Task<List<ParquetFileReader>> OpenEngineAsync(string folder, List<string> paths, bool crc)
    {
        var store = new FileSystemObjectStore(folder);
        var options = new ParquetReaderOptions { VerifyChecksums = crc };
        var readers = new List<ParquetFileReader>(paths.Count);
        foreach (var path in paths)
        {
            readers.Add(await ParquetFileReader.OpenAsync(store, Path.GetFileName(path), options).ConfigureAwait(false));
        }

        return readers;
    }

    private static async Task DecodeEngineAsync(List<ParquetFileReader> readers, string column)
    {
        foreach (var reader in readers)
        {
            foreach (var group in reader.RowGroups)
            {
                var batch = await reader.ReadRowGroupAsync(group.Index, [column]).ConfigureAwait(false);
                GC.KeepAlive(batch);
            }
        }
    }

    // The .NET type ParquetSharp reads each column of the schema as, chosen by name.
    private static void DecodeSharp(List<string> paths, SharpReaderProperties properties, int column, string name)
    {
        foreach (var path in paths)
        {
            using var reader = new SharpReader(path, properties);
            for (var g = 0; g < reader.FileMetaData.NumRowGroups; g++)
            {
                using var group = reader.RowGroup(g);
                var rows = checked((int)group.MetaData.NumRows);
                using var columnReader = group.Column(column);
                Array values = name switch
                {
                    "id" => columnReader.LogicalReader<long>().ReadAll(rows),
                    "price" => columnReader.LogicalReader<double>().ReadAll(rows),
                    "ts" => columnReader.LogicalReader<DateTime>().ReadAll(rows),
                    _ => columnReader.LogicalReader<string>().ReadAll(rows),
                };
                GC.KeepAlive(values);
            }
        }
    }

    private static double Median(List<double> samples) => samples.Order().ElementAt(samples.Count / 2);

    private static string Summary(List<double> samples) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(samples):F1} [{samples.Min():F1}-{samples.Max():F1}]");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
