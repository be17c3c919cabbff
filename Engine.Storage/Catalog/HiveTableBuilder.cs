using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Storage;
using Engine.Storage.Formats;

namespace Engine.Storage.Catalog;

/// <summary>
/// Builds one table from its files: opens each (its footer, not its data), unifies their schemas, types the
/// Hive keys of their paths (a key that is also a column inside the files is that column; a file whose
/// statistics disagree with its path is an error), and makes each file a partition whose chunks are the
/// file's chunks, or the pieces the format splits them into.
/// </summary>
internal static class HiveTableBuilder
{
    private static readonly string[] s_timeColumnNames = ["ts", "time", "timestamp"];

    /// <summary>
    /// The table <paramref name="name"/> of <paramref name="objects"/> (keys relative to the store, Hive keys
    /// after <paramref name="prefix"/>) and the source of each partition, by the id
    /// <paramref name="partitionId"/> gives its file's key.
    /// </summary>
    public static async Task<(TableInfo Table, Dictionary<string, PartitionSource> Sources)> BuildAsync(
        string name, IObjectStore store, IReadOnlyList<ObjectInfo> objects, string prefix, Func<string, string> partitionId,
        IReadOnlyList<ITableFileFormat> formats, CancellationToken cancellationToken)
    {
        var files = new List<ITableFile>(objects.Count);
        foreach (var info in objects)
        {
            var format = formats.First(f => f.Matches(info.Key));
            files.Add(await format.OpenAsync(store, info, cancellationToken).ConfigureAwait(false));
        }

        var fileSchema = UnifySchemas(name, files);
        var pathKeys = objects.Select(o => HivePath.Keys(o.Key[prefix.Length..])).ToArray();
        var keyNames = pathKeys.SelectMany(k => k.Select(p => p.Name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var keys in pathKeys)
        {
            var names = keys.Select(k => k.Name).ToList();
            if (!names.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(keyNames.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
            {
                throw new CorruptDataException(name, -1, $"files are partitioned by different keys: ({string.Join(", ", names)}) and ({string.Join(", ", keyNames)})");
            }
        }

        var fields = fileSchema.Fields.ToList();
        var keyTypes = new Dictionary<string, DataType>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keyNames)
        {
            var inFile = fileSchema.IndexOf(key);
            var values = pathKeys.Select(k => k.First(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)).Value);
            keyTypes[key] = inFile >= 0 ? fileSchema[inFile].Type : PartitionKeyTyping.Infer(values);
            if (inFile < 0)
            {
                fields.Add(new Field(key, keyTypes[key]));
            }
        }

        var schema = new Schema(fields);
        var partitions = new List<PartitionInfo>(files.Count);
        var sources = new Dictionary<string, PartitionSource>(StringComparer.Ordinal);
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            var keyValues = new Dictionary<string, ScalarValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, text) in pathKeys[f])
            {
                if (!PartitionKeyTyping.TryConvert(text, keyTypes[key], out var value))
                {
                    throw new CorruptDataException(file.Key, -1, $"partition key {key}={text} is not a {keyTypes[key].SqlName()} like the column inside the files");
                }

                keyValues[schema[schema.IndexOf(key)].Name] = value;
            }

            var chunks = await ChunksAsync(file, keyValues, cancellationToken).ConfigureAwait(false);
            var id = partitionId(file.Key);
            var pathOnly = keyValues.Where(k => fileSchema.IndexOf(k.Key) < 0).ToDictionary(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase);
            sources[id] = new PartitionSource(file, schema, pathOnly);
            partitions.Add(new PartitionInfo(id, keyValues, file.Chunks.Sum(c => c.RowCount), chunks) { ByteSize = objects[f].Size, Version = objects[f].ETag });
        }

        return (new TableInfo(name, schema, partitions, FindTimeColumn(schema)), sources);
    }

    private static async Task<List<PartitionChunk>> ChunksAsync(ITableFile file, Dictionary<string, ScalarValue> keyValues, CancellationToken cancellationToken)
    {
        var chunks = new List<PartitionChunk>(file.Chunks.Count);
        long rowStart = 0;
        foreach (var chunk in file.Chunks)
        {
            var statistics = new Dictionary<string, ColumnStatistics>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < file.Schema.Count; c++)
            {
                statistics[file.Schema[c].Name] = chunk.Statistics[c];
            }

            foreach (var (key, value) in keyValues)
            {
                if (statistics.TryGetValue(key, out var inFile) && Disagrees(inFile, value))
                {
                    throw new CorruptDataException(file.Key, -1,
                        $"column '{key}' holds values from {inFile.Min} to {inFile.Max} in row group {chunk.Index}, but the path says {key}={value}");
                }
            }

            var pieces = await file.SplitAsync(chunk.Index, cancellationToken).ConfigureAwait(false) ?? [new ChunkPiece(0, chunk.RowCount, statistics)];
            foreach (var piece in pieces)
            {
                var pieceStatistics = new Dictionary<string, ColumnStatistics>(piece.Statistics, StringComparer.OrdinalIgnoreCase);
                foreach (var (key, value) in keyValues)
                {
                    pieceStatistics[key] = new ColumnStatistics(value, value, value.IsNull ? piece.Rows : 0);
                }

                chunks.Add(new PartitionChunk(rowStart + piece.Start, piece.Rows, pieceStatistics));
            }

            rowStart += chunk.RowCount;
        }

        return chunks;
    }

    private static Schema UnifySchemas(string table, List<ITableFile> files)
    {
        var first = files[0];
        foreach (var file in files.Skip(1))
        {
            if (file.Schema.Count != first.Schema.Count)
            {
                throw new CorruptDataException(file.Key, -1, $"table '{table}' has files with different columns: ({file.Schema}) and ({first.Schema}) in {first.Key}");
            }

            foreach (var field in file.Schema.Fields)
            {
                var index = first.Schema.IndexOf(field.Name);
                if (index < 0 || first.Schema[index].Type != field.Type)
                {
                    var other = index < 0 ? "is missing" : $"is {first.Schema[index].Type.SqlName()}";
                    throw new CorruptDataException(file.Key, -1, $"column '{field.Name}' is {field.Type.SqlName()} here but {other} in {first.Key}");
                }
            }
        }

        return new Schema([.. first.Schema.Fields.Select(f => f with { Nullable = files.Any(r => r.Schema[r.Schema.IndexOf(f.Name)].Nullable) })]);
    }

    private static bool Disagrees(ColumnStatistics statistics, ScalarValue value) =>
        !statistics.Min.IsNull && !statistics.Max.IsNull && !value.IsNull &&
        (statistics.Min.CompareTo(value) != 0 || statistics.Max.CompareTo(value) != 0);

    private static string? FindTimeColumn(Schema schema)
    {
        foreach (var name in s_timeColumnNames)
        {
            var index = schema.IndexOf(name);
            if (index >= 0 && schema[index].Type == DataType.Timestamp)
            {
                return schema[index].Name;
            }
        }

        return schema.Fields.FirstOrDefault(f => f.Type == DataType.Timestamp)?.Name;
    }
}
