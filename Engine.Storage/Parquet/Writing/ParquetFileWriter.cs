using System.Buffers.Binary;
using Engine.Core.Columns;
using Engine.Core.Storage;
using Engine.Storage.Thrift;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Writes Engine <see cref="ColumnBatch"/>es as a Parquet file: <c>PAR1</c>, row groups, the page index
/// (a ColumnIndex and an OffsetIndex per column chunk, parquet-format PageIndex.md), the Thrift footer,
/// its length and <c>PAR1</c>. The schema is flat: a nullable field is an OPTIONAL column (definition
/// levels), a non-nullable one REQUIRED. BIGINT is INT64; TIMESTAMP is INT64 annotated
/// TIMESTAMP(isAdjustedToUTC, MICROS) and TIMESTAMP_MICROS; DOUBLE is DOUBLE; BOOLEAN is BOOLEAN;
/// VARCHAR is BYTE_ARRAY annotated STRING and UTF8, dictionary-encoded when the dictionary is small enough.
/// Every column chunk carries min/max and null-count statistics.
/// <para>
/// Usage: call <see cref="WriteBatchAsync"/> for each batch, then <see cref="CompleteAsync"/> once. Rows
/// are buffered until a row group of <see cref="ParquetWriterOptions.RowGroupRows"/> rows is complete, so
/// memory is bounded by one row group. The writer does not own or dispose the output stream, which need not
/// be seekable. One writer is used by one caller at a time (not thread-safe).
/// </para>
/// </summary>
public sealed class ParquetFileWriter
{
    private static readonly byte[] s_magic = "PAR1"u8.ToArray();

    private readonly Stream _output;
    private readonly ParquetWriterOptions _options;
    private readonly ColumnChunkWriter[] _columns;
    private readonly PageSink _sink;
    private readonly List<RowGroupSummary> _rowGroups = [];
    private int _pendingRows;
    private long _position;
    private bool _completed;
    private bool _faulted;

    /// <summary>
    /// Creates a writer of <paramref name="schema"/> (at least one field) into <paramref name="output"/>.
    /// Throws <see cref="ArgumentException"/> for an empty schema or invalid options and
    /// <see cref="Core.Errors.UnsupportedFeatureException"/> for a codec the writer cannot produce.
    /// </summary>
    public ParquetFileWriter(Stream output, Schema schema, ParquetWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Count == 0)
        {
            throw new ArgumentException("A Parquet file needs at least one column.", nameof(schema));
        }

        _options = options ?? ParquetWriterOptions.Default;
        _options.Validate();
        _output = output;
        Schema = schema;
        _columns = new ColumnChunkWriter[schema.Count];
        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i] = ColumnChunkWriter.Create(schema[i]);
        }

        _sink = new PageSink(_options.Codec);
    }

    /// <summary>The schema of the file.</summary>
    public Schema Schema { get; }

    /// <summary>Rows accepted so far (written or buffered).</summary>
    public long RowCount { get; private set; }

    /// <summary>Bytes written to the output so far (the file size once <see cref="CompleteAsync"/> has returned).</summary>
    public long BytesWritten => _position;

    /// <summary>
    /// Writes <paramref name="schema"/> and <paramref name="batches"/> as a complete file to
    /// <paramref name="output"/> and returns its size in bytes. No batches gives a valid file of zero rows.
    /// </summary>
    public static async Task<long> WriteAsync(Stream output, Schema schema, IEnumerable<ColumnBatch> batches, ParquetWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var writer = new ParquetFileWriter(output, schema, options);
        foreach (var batch in batches)
        {
            await writer.WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return writer.BytesWritten;
    }

    /// <summary>
    /// Writes a complete file into memory and stores it as <paramref name="key"/> of <paramref name="store"/>
    /// (one write, replacing any existing object); returns its size in bytes.
    /// </summary>
    public static async Task<long> WriteToObjectStoreAsync(IObjectStore store, string key, Schema schema, IEnumerable<ColumnBatch> batches, ParquetWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(key);
        using var buffer = new MemoryStream();
        var size = await WriteAsync(buffer, schema, batches, options, cancellationToken).ConfigureAwait(false);
        await store.WriteAsync(key, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        return size;
    }

    /// <summary>
    /// Buffers <paramref name="batch"/> and writes every row group it completes. The batch's fields must
    /// match the writer's schema (names, types and nullability); a NULL in a non-nullable field is an
    /// <see cref="ArgumentException"/> that leaves the writer usable. Any other failure (an I/O error, a
    /// cancellation) leaves the file incomplete and the writer unusable. The batch is not retained after the
    /// call returns.
    /// </summary>
    public async ValueTask WriteBatchAsync(ColumnBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfUnusable();
        CheckBatch(batch);
        var offset = 0;
        while (offset < batch.RowCount)
        {
            _faulted = true;
            var take = Math.Min(batch.RowCount - offset, _options.RowGroupRows - _pendingRows);
            for (var i = 0; i < _columns.Length; i++)
            {
                var column = batch.Columns[i];
                _columns[i].Append(take == column.Length ? column : column.Slice(offset, take));
            }

            _pendingRows += take;
            RowCount += take;
            offset += take;
            if (_pendingRows == _options.RowGroupRows)
            {
                await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
            }

            _faulted = false;
        }
    }

    /// <summary>
    /// Writes the last, partial row group and the footer. Call once after the last batch; the output then
    /// holds a complete Parquet file (the writer does not flush or close the stream beyond its writes).
    /// </summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnusable();
        _faulted = true;
        if (_pendingRows > 0)
        {
            await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        }

        await EnsureHeaderAsync(cancellationToken).ConfigureAwait(false);
        await WritePageIndexAsync(cancellationToken).ConfigureAwait(false);
        var footer = new ThriftCompactWriter(4096);
        ParquetMetadataEncoder.WriteFileMetaData(footer, Schema, _rowGroups, _options);
        var tail = new byte[footer.Length + 8];
        footer.WrittenSpan.CopyTo(tail);
        BinaryPrimitives.WriteInt32LittleEndian(tail.AsSpan(footer.Length), footer.Length);
        s_magic.CopyTo(tail, footer.Length + 4);
        await _output.WriteAsync(tail, cancellationToken).ConfigureAwait(false);
        _position += tail.Length;
        _completed = true;
        _faulted = false;
    }

    /// <summary>
    /// Writes the page index between the last row group and the footer, in one contiguous region so a reader
    /// fetches it in one ranged read (usually inside the footer's tail read): every chunk's ColumnIndex, then
    /// every chunk's OffsetIndex, in row group and column order; records where each landed for the footer.
    /// </summary>
    private async ValueTask WritePageIndexAsync(CancellationToken cancellationToken)
    {
        var region = new ThriftCompactWriter(4096);
        foreach (var group in _rowGroups)
        {
            foreach (var column in group.Columns)
            {
                if (column.BoundaryOrder is null)
                {
                    continue;
                }

                var start = region.Length;
                ParquetMetadataEncoder.WriteColumnIndex(region, column);
                column.ColumnIndexOffset = _position + start;
                column.ColumnIndexLength = region.Length - start;
            }
        }

        foreach (var group in _rowGroups)
        {
            foreach (var column in group.Columns)
            {
                var start = region.Length;
                ParquetMetadataEncoder.WriteOffsetIndex(region, column);
                column.OffsetIndexOffset = _position + start;
                column.OffsetIndexLength = region.Length - start;
            }
        }

        if (region.Length > 0)
        {
            await _output.WriteAsync(region.WrittenSpan.ToArray(), cancellationToken).ConfigureAwait(false);
            _position += region.Length;
        }
    }

    private async ValueTask FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        await EnsureHeaderAsync(cancellationToken).ConfigureAwait(false);
        var chunks = new ColumnChunkSummary[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _sink.Reset(_position);
            chunks[i] = _columns[i].WriteChunk(_sink, _options);
            _columns[i].Reset();
            await _output.WriteAsync(_sink.Output.WrittenMemory, cancellationToken).ConfigureAwait(false);
            _position += _sink.Output.WrittenCount;
        }

        _rowGroups.Add(new RowGroupSummary(chunks, _pendingRows));
        _pendingRows = 0;
    }

    private async ValueTask EnsureHeaderAsync(CancellationToken cancellationToken)
    {
        if (_position == 0)
        {
            await _output.WriteAsync(s_magic, cancellationToken).ConfigureAwait(false);
            _position = s_magic.Length;
        }
    }

    private void CheckBatch(ColumnBatch batch)
    {
        var schema = batch.Schema;
        var matches = schema.Count == Schema.Count;
        for (var i = 0; matches && i < schema.Count; i++)
        {
            matches = schema[i] == Schema[i];
        }

        if (!matches)
        {
            throw new ArgumentException($"The batch's schema ({schema}) differs from the file's ({Schema}).", nameof(batch));
        }

        for (var i = 0; i < Schema.Count; i++)
        {
            if (!Schema[i].Nullable && batch.Columns[i].NullCount > 0)
            {
                throw new ArgumentException($"Column '{Schema[i].Name}' is not nullable but {batch.Columns[i].NullCount} NULL row(s) were given.", nameof(batch));
            }
        }
    }

    private void ThrowIfUnusable()
    {
        if (_faulted)
        {
            throw new InvalidOperationException("An earlier write failed, so the Parquet file cannot be completed.");
        }

        if (_completed)
        {
            throw new InvalidOperationException("The Parquet file is already complete.");
        }
    }
}
