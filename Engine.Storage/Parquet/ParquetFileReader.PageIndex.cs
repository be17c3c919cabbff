using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Storage.Catalog;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Thrift;

namespace Engine.Storage.Parquet;

/// <summary>
/// Page-level reads with the page index (parquet-format PageIndex.md): <see cref="ReadPageStatisticsAsync"/>
/// turns a chunk's ColumnIndex and OffsetIndex into per-page row ranges and min/max, and
/// <see cref="ReadRowGroupAsync(int, IReadOnlyList{string}, RowSelection?, CancellationToken)"/> fetches and
/// decodes only the pages that cover a <see cref="RowSelection"/>, for every requested column (each through
/// its own OffsetIndex, since page boundaries differ between columns).
/// </summary>
public sealed partial class ParquetFileReader
{
    /// <summary>The largest page index region (all ColumnIndexes and OffsetIndexes of the file) fetched in one read and kept.</summary>
    private const int MaxPageIndexRegionBytes = 16 * 1024 * 1024;

    /// <summary>True when some column chunk of the file has an OffsetIndex, so page-level reads and statistics are possible.</summary>
    public bool HasPageIndex { get; }
    /// <summary>
    /// Reads the page index of <paramref name="column"/> in row group <paramref name="rowGroup"/>: one entry per
    /// data page with its rows and statistics. Null when the writer stored no OffsetIndex for the chunk; with an
    /// OffsetIndex but no ColumnIndex every page's min and max are unknown. A malformed index (including a page
    /// whose min lies above its max) raises <see cref="CorruptDataException"/>.
    /// </summary>
    public async ValueTask<IReadOnlyList<ParquetPageStatistics>?> ReadPageStatisticsAsync(int rowGroup, string column, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(column);
        var group = RowGroupAt(rowGroup);
        var descriptor = Columns[ColumnIndexOf(column)];
        var chunk = group.Columns[descriptor.Index];
        if (chunk.OffsetIndexOffset is null || chunk.OffsetIndexLength is null || group.NumRows == 0)
        {
            return null;
        }

        var pages = (await ReadOffsetIndexesAsync(group, [descriptor], cancellationToken).ConfigureAwait(false))[0]!;
        var type = descriptor.Field.Type;
        var result = new ParquetPageStatistics[pages.Length];
        if (chunk.ColumnIndexOffset is not { } indexOffset || chunk.ColumnIndexLength is not { } indexLength)
        {
            for (var p = 0; p < pages.Length; p++)
            {
                result[p] = new ParquetPageStatistics(pages[p].Rows, new Core.Catalog.ColumnStatistics(ScalarValue.Null(type), ScalarValue.Null(type), -1));
            }

            return result;
        }

        CheckIndexRange(descriptor.Name, "ColumnIndex", indexOffset, indexLength);
        var fetched = await FetchIndexAsync([(indexOffset, indexLength)], cancellationToken).ConfigureAwait(false);
        var reader = new ThriftCompactReader(Slice(fetched, indexOffset, indexLength), Key, indexOffset);
        var index = MetadataDecoder.ReadColumnIndex(ref reader);
        if (index.NullPages.Count != pages.Length)
        {
            throw new CorruptDataException(Key, indexOffset, $"column '{descriptor.Name}': the ColumnIndex describes {index.NullPages.Count} pages, the OffsetIndex {pages.Length}");
        }

        for (var p = 0; p < pages.Length; p++)
        {
            var rows = pages[p].Rows;
            var nulls = index.NullCounts?[p] ?? -1;
            // A page counts as NULL-only when the column can hold NULLs and the NULL count (if any) agrees: some
            // writers stored null_pages all true, with NULL count -1, for REQUIRED columns they kept no statistics for.
            var nullOnly = index.NullPages[p] && descriptor.MaxDefinitionLevel > 0 && (index.NullCounts is null || nulls == rows.Length);
            var statistics = nullOnly
                ? new Core.Catalog.ColumnStatistics(ScalarValue.Null(type), ScalarValue.Null(type), rows.Length)
                : ValueConverter.ConvertStatistics(descriptor, new ParquetStatistics { MinValue = index.MinValues[p], MaxValue = index.MaxValues[p], NullCount = nulls >= 0 ? nulls : null, NanCount = index.NanCounts?[p] });
            if (!statistics.Min.IsNull && !statistics.Max.IsNull && statistics.Min.CompareTo(statistics.Max) > 0)
            {
                throw new CorruptDataException(Key, indexOffset, $"column '{descriptor.Name}': ColumnIndex page {p} has min {statistics.Min} above max {statistics.Max}");
            }

            result[p] = new ParquetPageStatistics(rows, statistics);
        }

        return result;
    }

    /// <summary>
    /// Reads the rows of <paramref name="selection"/> (all rows when null) of <paramref name="columns"/> in row group
    /// <paramref name="rowGroup"/>. For each column with an OffsetIndex only the dictionary page and the data pages
    /// overlapping the selection are fetched and decoded; a column without one is read whole and filtered. The
    /// batch holds exactly <see cref="RowSelection.RowCount"/> rows, in row order.
    /// </summary>
    public async ValueTask<ColumnBatch> ReadRowGroupAsync(int rowGroup, IReadOnlyList<string> columns, RowSelection? selection, CancellationToken cancellationToken = default)
    {
        if (selection is null)
        {
            return await ReadRowGroupAsync(rowGroup, columns, cancellationToken).ConfigureAwait(false);
        }

        ArgumentNullException.ThrowIfNull(columns);
        var group = RowGroupAt(rowGroup);
        if (selection.Ranges.Count > 0 && selection.Ranges[^1].End > group.NumRows)
        {
            throw new ArgumentException($"The selection reaches row {selection.Ranges[^1].End} but row group {rowGroup} of '{Key}' has {group.NumRows} rows.", nameof(selection));
        }

        var selected = new ParquetColumnDescriptor[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            selected[i] = Columns[ColumnIndexOf(columns[i])];
        }

        var schema = new Schema([.. selected.Select(c => c.Field)]);
        var total = (int)selection.RowCount;
        if (total == 0)
        {
            return new ColumnBatch(schema, [.. selected.Select(c => EmptyColumn(c.Field.Type))], 0);
        }

        var offsetIndexes = await ReadOffsetIndexesAsync(group, selected, cancellationToken).ConfigureAwait(false);
        var plans = new List<(ArraySegment<byte> Bytes, long Offset, int Rows)>[selected.Length];
        var runs = new List<(int Start, int Length)>[selected.Length];
        var ranges = new List<(long Start, long Length)>();
        var plannedRanges = new List<(long Start, long Length, int Rows)>[selected.Length];
        var singles = SingleValues(rowGroup, selected);
        for (var i = 0; i < selected.Length; i++)
        {
            if (singles[i] is not null)
            {
                continue;
            }

            var meta = group.Columns[selected[i].Index].MetaData!;
            var (chunkStart, chunkLength) = ChunkRange(meta);
            var planned = new List<(long Start, long Length, int Rows)>();
            var pages = offsetIndexes[i];
            if (pages is null)
            {
                planned.Add((chunkStart, chunkLength, (int)group.NumRows));
                runs[i] = [.. selection.Ranges.Select(r => ((int)r.Start, (int)r.Length))];
            }
            else
            {
                if (pages[0].Location.Offset > chunkStart)
                {
                    planned.Add((chunkStart, pages[0].Location.Offset - chunkStart, 0));
                }

                runs[i] = PlanPages(pages, selection, planned);
            }

            plannedRanges[i] = planned;
            ranges.AddRange(planned.Select(p => (p.Start, p.Length)));
        }

        var fetched = await FetchAsync(ranges, cancellationToken).ConfigureAwait(false);
        var result = new Column[selected.Length];
        for (var i = 0; i < selected.Length; i++)
        {
            if (singles[i] is { } single)
            {
                result[i] = ConstantColumn.Create(single, total);
                continue;
            }

            var segments = plannedRanges[i].Select(p => (Slice(fetched, p.Start, p.Length), p.Start, p.Rows)).ToList();
            var rows = plannedRanges[i].Sum(p => p.Rows);
            var meta = group.Columns[selected[i].Index].MetaData!;
            var decoded = new ColumnChunkDecoder(selected[i], meta.Codec, Key, rows, _options).DecodeSegments(segments);
            result[i] = ColumnGather.Gather(decoded, runs[i], total);
        }

        return new ColumnBatch(schema, result, total);
    }

    /// <summary>
    /// Adds the pages overlapping <paramref name="selection"/> to <paramref name="planned"/> and returns where the
    /// selected rows lie in the concatenation of those pages.
    /// </summary>
    private static List<(int Start, int Length)> PlanPages((PageLocation Location, RowRange Rows)[] pages, RowSelection selection, List<(long Start, long Length, int Rows)> planned)
    {
        var runs = new List<(int Start, int Length)>();
        var decodedRows = 0;
        var next = 0;
        foreach (var (location, rows) in pages)
        {
            while (next < selection.Ranges.Count && selection.Ranges[next].End <= rows.Start)
            {
                next++;
            }

            var overlaps = false;
            for (var r = next; r < selection.Ranges.Count && selection.Ranges[r].Start < rows.End; r++)
            {
                var start = Math.Max(rows.Start, selection.Ranges[r].Start);
                var end = Math.Min(rows.End, selection.Ranges[r].End);
                var position = decodedRows + (int)(start - rows.Start);
                if (runs.Count > 0 && runs[^1].Start + runs[^1].Length == position)
                {
                    runs[^1] = (runs[^1].Start, runs[^1].Length + (int)(end - start));
                }
                else
                {
                    runs.Add((position, (int)(end - start)));
                }

                overlaps = true;
            }

            if (overlaps)
            {
                planned.Add((location.Offset, location.CompressedPageSize, (int)rows.Length));
                decodedRows += (int)rows.Length;
            }
        }

        return runs;
    }

    /// <summary>Fetches (in one coalesced read) and validates the OffsetIndex of each column; null for a chunk without one.</summary>
    private async ValueTask<(PageLocation Location, RowRange Rows)[]?[]> ReadOffsetIndexesAsync(RowGroup group, ParquetColumnDescriptor[] columns, CancellationToken cancellationToken)
    {
        var ranges = new List<(long Start, long Length)>();
        foreach (var column in columns)
        {
            var chunk = group.Columns[column.Index];
            if (chunk.OffsetIndexOffset is { } offset && chunk.OffsetIndexLength is { } length && group.NumRows > 0)
            {
                CheckIndexRange(column.Name, "OffsetIndex", offset, length);
                ranges.Add((offset, length));
            }
        }

        var fetched = ranges.Count > 0 ? await FetchIndexAsync(ranges, cancellationToken).ConfigureAwait(false) : [];
        var result = new (PageLocation, RowRange)[]?[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var chunk = group.Columns[columns[i].Index];
            if (chunk.OffsetIndexOffset is { } offset && chunk.OffsetIndexLength is { } length && group.NumRows > 0)
            {
                var reader = new ThriftCompactReader(Slice(fetched, offset, length), Key, offset);
                result[i] = ValidatePages(columns[i].Name, MetadataDecoder.ReadOffsetIndex(ref reader), group, chunk.MetaData!, offset);
            }
        }

        return result;
    }

    /// <summary>Checks that the pages start at row 0, rise, stay inside the row group and inside the column chunk, and returns each page's rows.</summary>
    private (PageLocation, RowRange)[] ValidatePages(string column, OffsetIndex index, RowGroup group, ColumnMetaData meta, long indexOffset)
    {
        var pages = index.Pages;
        var (chunkStart, chunkLength) = ChunkRange(meta);
        var chunkEnd = chunkStart + chunkLength;
        if (pages.Count == 0 || pages[0].FirstRowIndex != 0)
        {
            throw new CorruptDataException(Key, indexOffset, $"column '{column}': the OffsetIndex has {pages.Count} pages and must start at row 0");
        }

        var result = new (PageLocation, RowRange)[pages.Count];
        var previousEnd = chunkStart;
        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            var end = p + 1 < pages.Count ? pages[p + 1].FirstRowIndex : group.NumRows;
            if (end <= page.FirstRowIndex || end > group.NumRows)
            {
                throw new CorruptDataException(Key, indexOffset, $"column '{column}': OffsetIndex page {p} covers rows [{page.FirstRowIndex}, {end}) of a {group.NumRows}-row group");
            }

            if (page.CompressedPageSize <= 0 || page.Offset < previousEnd || page.Offset > chunkEnd - page.CompressedPageSize)
            {
                throw new CorruptDataException(Key, indexOffset, $"column '{column}': OffsetIndex page {p} at [{page.Offset}, +{page.CompressedPageSize}) lies outside the column chunk [{chunkStart}, {chunkEnd}) or overlaps the page before");
            }

            previousEnd = page.Offset + page.CompressedPageSize;
            result[p] = (page, new RowRange(page.FirstRowIndex, end));
        }

        return result;
    }

    /// <summary>
    /// The bytes holding <paramref name="ranges"/> of the page index: the file's whole page index region, read once
    /// (or kept from the footer's tail read) and then shared by every call, when it covers them; otherwise a fetch.
    /// </summary>
    private async ValueTask<List<(long Start, byte[] Data)>> FetchIndexAsync(List<(long Start, long Length)> ranges, CancellationToken cancellationToken)
    {
        (long Start, byte[] Data)? region;
        while (true)
        {
            var task = Volatile.Read(ref _pageIndexRegion);
            var ours = false;
            if (task is null || task.IsCanceled || (task.IsFaulted && task.Exception?.InnerException is not CorruptDataException))
            {
                // Not loaded yet, or the last load was cancelled or failed in the store: load it (again).
                var fresh = LoadPageIndexRegionAsync(cancellationToken);
                ours = Interlocked.CompareExchange(ref _pageIndexRegion, fresh, task) == task;
                task = ours ? fresh : Volatile.Read(ref _pageIndexRegion)!;
            }

            try
            {
                region = await task.WaitAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (OperationCanceledException) when (!ours && !cancellationToken.IsCancellationRequested)
            {
                // Another caller's load was cancelled with that caller's query; this caller loads it itself.
            }
        }

        if (region is var (start, data) && ranges.TrueForAll(r => r.Start >= start && r.Start + r.Length <= start + data.Length))
        {
            return [(start, data)];
        }

        return await FetchAsync(ranges, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(long Start, byte[] Data)?> LoadPageIndexRegionAsync(CancellationToken cancellationToken)
    {
        if (PageIndexSpan(_rowGroups, FileLength - 8) is not var (start, end) || end - start > MaxPageIndexRegionBytes)
        {
            return null;
        }

        var data = new byte[end - start];
        await ReadExactlyAsync(_store, Key, start, data, cancellationToken).ConfigureAwait(false);
        return (start, data);
    }

    /// <summary>
    /// The smallest file range holding every plausible ColumnIndex and OffsetIndex (inside [4, <paramref name="limit"/>)),
    /// or null when there is none. Implausible ranges are left out here and rejected when their chunk is read.
    /// </summary>
    private static (long Start, long End)? PageIndexSpan(IReadOnlyList<RowGroup> rowGroups, long limit)
    {
        var start = long.MaxValue;
        var end = long.MinValue;
        foreach (var group in rowGroups)
        {
            if (group.NumRows == 0)
            {
                continue;
            }

            foreach (var chunk in group.Columns)
            {
                Include(chunk.ColumnIndexOffset, chunk.ColumnIndexLength, limit, ref start, ref end);
                Include(chunk.OffsetIndexOffset, chunk.OffsetIndexLength, limit, ref start, ref end);
            }
        }

        return start < end ? (start, end) : null;
    }

    private static void Include(long? offset, int? length, long limit, ref long start, ref long end)
    {
        if (offset is { } from && length is { } size && size > 0 && from >= MagicLength && from <= limit - size)
        {
            start = Math.Min(start, from);
            end = Math.Max(end, from + size);
        }
    }

    private void CheckIndexRange(string column, string what, long offset, int length)
    {
        if (offset < MagicLength || length <= 0 || offset > FileLength - 8 - length)
        {
            throw new CorruptDataException(Key, offset, $"column '{column}': the {what} [{offset}, +{length}) lies outside the {FileLength}-byte file");
        }
    }

    private RowGroup RowGroupAt(int rowGroup)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, _rowGroups.Count);
        return _rowGroups[rowGroup];
    }

    private int ColumnIndexOf(string column)
    {
        var index = Schema.IndexOf(column);
        return index >= 0 ? index : throw new ArgumentException($"The Parquet file '{Key}' has no column '{column}' (it has {Schema}).", nameof(column));
    }

    private static Column EmptyColumn(DataType type) => type.Id switch
    {
        TypeId.Int64 or TypeId.Timestamp => new Int64Column([], 0, 0, null, type),
        TypeId.Double => new DoubleColumn([], 0, 0, null),
        TypeId.Bool => new BoolColumn([], 0, 0, null),
        _ => new StringColumn([], 0, 0, [], null),
    };
}
