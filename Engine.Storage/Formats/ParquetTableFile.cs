using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Storage.Parquet;

namespace Engine.Storage.Formats;

/// <summary>A Parquet file as a <see cref="ITableFile"/>: row groups are chunks, pages the pieces of a split.</summary>
internal sealed class ParquetTableFile : ITableFile
{
    /// <summary>The most pieces one row group is split into by its page index; a finer split keeps the row group whole.</summary>
    private const int MaxPiecesPerRowGroup = 256;

    private readonly ParquetFileReader _reader;

    public ParquetTableFile(ParquetFileReader reader)
    {
        _reader = reader;
        Chunks = [.. reader.RowGroups.Select(g => new TableFileChunk(g.Index, g.RowCount, g.CompressedBytes, g.Statistics))];
    }

    public string Key => _reader.Key;

    public Schema Schema => _reader.Schema;

    public IReadOnlyList<TableFileChunk> Chunks { get; }

    public long IgnoredMetadataCount => _reader.IgnoredMetadataCount;

    /// <summary>
    /// Splits the row group at the union of its columns' page boundaries into pieces whose statistics, per
    /// column, are those of the one page holding the piece's rows (the row group's when the page's min/max are
    /// unknown or the column has no page index). Null keeps the row group whole: the file has no page index,
    /// every column has one page, or the split would give more than <see cref="MaxPiecesPerRowGroup"/> pieces.
    /// A malformed page index raises <see cref="CorruptDataException"/>.
    /// </summary>
    public async ValueTask<IReadOnlyList<ChunkPiece>?> SplitAsync(int chunk, CancellationToken cancellationToken)
    {
        if (!_reader.HasPageIndex)
        {
            return null;
        }

        var group = _reader.RowGroups[chunk];
        var columns = _reader.Schema.Count;
        var pages = new IReadOnlyList<ParquetPageStatistics>?[columns];
        var boundaries = new SortedSet<long> { 0 };
        for (var c = 0; c < columns; c++)
        {
            pages[c] = await _reader.ReadPageStatisticsAsync(group.Index, _reader.Schema[c].Name, cancellationToken).ConfigureAwait(false);
            foreach (var page in pages[c] ?? [])
            {
                boundaries.Add(page.Rows.Start);
            }

            if (boundaries.Count > MaxPiecesPerRowGroup)
            {
                return null;
            }
        }

        if (boundaries.Count == 1)
        {
            return null;
        }

        var starts = boundaries.ToArray();
        var next = new int[columns];
        var pieces = new List<ChunkPiece>(starts.Length);
        for (var i = 0; i < starts.Length; i++)
        {
            var start = starts[i];
            var end = i + 1 < starts.Length ? starts[i + 1] : group.RowCount;
            var statistics = new Dictionary<string, ColumnStatistics>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < columns; c++)
            {
                var whole = group.Statistics[c];
                var columnPages = pages[c];
                if (columnPages is null)
                {
                    statistics[_reader.Schema[c].Name] = whole;
                    continue;
                }

                while (columnPages[next[c]].Rows.End <= start)
                {
                    next[c]++;
                }

                var (_, (min, max, nulls, nans)) = columnPages[next[c]];
                var pageRows = columnPages[next[c]].Rows.Length;
                // The page's NULL count says something about this piece only when it is none or all of the page;
                // its NaN count only when it is none.
                var pieceNulls = nulls == 0 ? 0 : nulls == pageRows ? end - start : -1;
                var pieceNans = nans == 0 || whole.NanCount == 0 ? 0 : -1;
                statistics[_reader.Schema[c].Name] = min.IsNull || max.IsNull
                    ? whole with { NullCount = pieceNulls >= 0 ? pieceNulls : whole.NullCount == 0 ? 0 : -1, NanCount = pieceNans }
                    : new ColumnStatistics(min, max, pieceNulls, pieceNans);
            }

            pieces.Add(new ChunkPiece(start, end - start, statistics));
        }

        return pieces;
    }

    /// <summary>
    /// Reads the rows; part of a row group with a page index fetches and decodes only the pages covering them,
    /// anything else decodes the whole row group and returns a view of the rows.
    /// </summary>
    public async ValueTask<ColumnBatch> ReadAsync(int chunk, IReadOnlyList<string> columns, int first, int count, CancellationToken cancellationToken)
    {
        var rowCount = _reader.RowGroups[chunk].RowCount;
        var selection = count < rowCount && columns.Count > 0 && _reader.HasPageIndex
            ? new RowSelection([new RowRange(first, first + count)])
            : null;
        var batch = await _reader.ReadRowGroupAsync(chunk, columns, selection, cancellationToken).ConfigureAwait(false);
        return batch.RowCount == count ? batch : batch.Slice(first, count);
    }
}
