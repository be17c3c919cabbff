using System.Globalization;
using System.Text;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Storage;
using Engine.Storage.Formats;

namespace Engine.Tests.Storage.Formats;

/// <summary>
/// A second table file format, written only against the storage seam: <c>*.lines</c> objects hold one BIGINT
/// per line (column <c>v</c>), in chunks of <see cref="ChunkRows"/> rows with their min and max. Counts the
/// chunks it has read.
/// </summary>
internal sealed class LinesFormat : ITableFileFormat
{
    public const int ChunkRows = 3;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _chunksRead = new();

    public string Name => "lines";

    /// <summary>The chunks read at least once, as <c>key#chunk</c>, sorted.</summary>
    public IReadOnlyList<string> ChunksRead => [.. _chunksRead.Keys.Order(StringComparer.Ordinal)];

    public bool Matches(string key) => key.EndsWith(".lines", StringComparison.Ordinal);

    public async ValueTask<ITableFile> OpenAsync(IObjectStore store, ObjectInfo file, CancellationToken cancellationToken)
    {
        var size = await store.GetSizeAsync(file.Key, cancellationToken);
        var bytes = new byte[size];
        var read = await store.ReadAsync(file.Key, 0, bytes, cancellationToken);
        var values = Encoding.UTF8.GetString(bytes, 0, read)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => long.Parse(line, CultureInfo.InvariantCulture))
            .ToArray();
        return new LinesFile(this, file.Key, values);
    }

    private sealed class LinesFile : ITableFile
    {
        private readonly LinesFormat _format;
        private readonly long[] _values;

        public LinesFile(LinesFormat format, string key, long[] values)
        {
            _format = format;
            _values = values;
            Key = key;
            Chunks = [.. values.Chunk(ChunkRows).Select((rows, i) => new TableFileChunk(
                i, rows.Length, rows.Length * sizeof(long),
                [new ColumnStatistics(ScalarValue.FromInt64(rows.Min()), ScalarValue.FromInt64(rows.Max()), 0)]))];
        }

        public string Key { get; }

        public Schema Schema { get; } = new([new Field("v", DataType.Int64, Nullable: false)]);

        public IReadOnlyList<TableFileChunk> Chunks { get; }

        public long IgnoredMetadataCount => 0;

        public ValueTask<IReadOnlyList<ChunkPiece>?> SplitAsync(int chunk, CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<ChunkPiece>?>(null);

        public ValueTask<ColumnBatch> ReadAsync(int chunk, IReadOnlyList<string> columns, int first, int count, CancellationToken cancellationToken)
        {
            _format._chunksRead[$"{Key}#{chunk}"] = true;
            var rows = _values.AsSpan((chunk * ChunkRows) + first, count).ToArray();
            var fields = columns.Select(c => Schema[Schema.IndexOf(c)]).ToArray();
            var data = columns.Select(_ => (Column)new Int64Column(rows)).ToArray();
            return ValueTask.FromResult(new ColumnBatch(new Schema(fields), data, count));
        }
    }
}
