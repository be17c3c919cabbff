using System.CommandLine;
using System.Text.Json;
using Engine.Core.Errors;
using Engine.Storage.Hosting;
using Engine.Storage.Parquet;

namespace Engine.Cli;

/// <summary>
/// <c>engine inspect FILE.parquet [--format table|json]</c>: schema, row groups and column chunks
/// (codec, encodings, sizes, statistics) — what one would otherwise need parquet-tools for.
/// </summary>
public static class InspectCommand
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The Parquet file: a path or s3://bucket/key.parquet" };
        var format = new Option<OutputFormat>("--format") { Description = "table or json", DefaultValueFactory = _ => OutputFormat.Table };
        var command = new Command("inspect", "Describe a Parquet file: schema, row groups, column chunks and statistics") { file, format };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, parse.GetValue(format), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string file, OutputFormat format, CancellationToken cancellationToken)
    {
        try
        {
            var slash = file.LastIndexOf('/');
            var (folder, name) = StorageFactory.IsS3(file)
                ? (file[..(slash + 1)], file[(slash + 1)..])
                : (Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileName(file));
            if (!StorageFactory.IsS3(file) && !File.Exists(file))
            {
                throw new StorageException(file, 1, "no such file");
            }

            var store = StorageFactory.Open(folder, key: "file");
            using var owner = store as IDisposable;
            var reader = await ParquetFileReader.OpenAsync(store, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            var description = reader.Describe();
            if (format == OutputFormat.Json)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(description, s_json));
            }
            else
            {
                WriteText(description, Console.Out);
            }

            return 0;
        }
        catch (EngineException error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
    }

    private static void WriteText(ParquetFileDescription file, TextWriter output)
    {
        output.WriteLine($"File: {file.Key} ({file.FileBytes:N0} bytes, {file.Rows:N0} rows, {file.RowGroups.Count} row group(s))");
        output.WriteLine($"Created by: {file.CreatedBy ?? "(not recorded)"}");
        output.WriteLine("Schema:");
        foreach (var column in file.Columns)
        {
            var logical = column.LogicalType is null ? string.Empty : $" {column.LogicalType}";
            output.WriteLine($"  {column.Name}: {column.PhysicalType}{logical} {column.Repetition} -> {column.EngineType}");
        }

        foreach (var group in file.RowGroups)
        {
            output.WriteLine($"Row group {group.Index}: {group.Rows:N0} rows, {group.CompressedBytes:N0} bytes");
            foreach (var chunk in group.Columns)
            {
                var range = chunk.Min is null ? "no min/max" : $"min {chunk.Min}, max {chunk.Max}";
                var nulls = chunk.NullCount is { } n ? $", {n:N0} nulls" : string.Empty;
                output.WriteLine($"  {chunk.Name}: {chunk.Codec} [{string.Join(", ", chunk.Encodings)}] {chunk.CompressedBytes:N0} -> {chunk.UncompressedBytes:N0} bytes, {chunk.Values:N0} values at {chunk.Offset:N0}; {range}{nulls}");
            }
        }

        foreach (var (key, value) in file.Metadata)
        {
            output.WriteLine($"Metadata: {key} = {value}");
        }
    }
}
