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
    /// data page with its rows and statistics. Null when the chunk has no usable OffsetIndex: the writer stored
    /// none, or it contradicts itself or the chunk (pages not starting at row 0, first rows not rising, pages
    /// outside the chunk or not covering it, undecodable bytes), in which case it is ignored and counted in
    /// <see cref="IgnoredMetadataCount"/>. Without a usable ColumnIndex every page's min and max are unknown; a
    /// page whose min lies above its max, or with more NULLs than rows, has those statistics unknown.
    /// Throws <see cref="StorageException"/> when the store fails.
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

        if ((await ReadOffsetIndexesAsync(rowGroup, [descriptor], cancellationToken).ConfigureAwait(false))[0] is not { } pages)
        {
            return null;
        }

        var type = descriptor.Field.Type;
        var result = new ParquetPageStatistics[pages.Length];
        var index = await ReadColumnIndexAsync(rowGroup, descriptor, pages.Length, cancellationToken).ConfigureAwait(false);
        if (index is null)
        {
            for (var p = 0; p < pages.Length; p++)
            {
                result[p] = new ParquetPageStatistics(pages[p].Rows, new Core.Catalog.ColumnStatistics(ScalarValue.Null(type), ScalarValue.Null(type), -1));
            }

            return result;
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
            if (Sanitize(statistics, rows.Length) is var (sane, problem))
            {
                statistics = sane;
                IgnoreMetadata(rowGroup, descriptor.Name, $"ColumnIndex page {p}: {problem}");
            }

            result[p] = new ParquetPageStatistics(rows, statistics);
        }

        return result;
    }

    /// <summary>
    /// The ColumnIndex of <paramref name="column"/> in <paramref name="rowGroup"/>, or null when there is none or it
    /// is unusable (outside the file, undecodable, or describing another number of pages than the OffsetIndex's
    /// <paramref name="pages"/>), which is counted as ignored metadata.
    /// </summary>
    private async ValueTask<ColumnIndex?> ReadColumnIndexAsync(int rowGroup, ParquetColumnDescriptor column, int pages, CancellationToken cancellationToken)
    {
        var chunk = _rowGroups[rowGroup].Columns[column.Index];
        if (chunk.ColumnIndexOffset is not { } offset || chunk.ColumnIndexLength is not { } length)
        {
            return null;
        }

        if (IndexRangeProblem("ColumnIndex", offset, length) is { } outside)
        {
            IgnoreMetadata(rowGroup, column.Name, outside);
            return null;
        }

        using var fetched = await FetchIndexAsync([(offset, length)], cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = new ThriftCompactReader(fetched.Slice(offset, length), Key, offset);
            var index = MetadataDecoder.ReadColumnIndex(ref reader);
            if (index.NullPages.Count == pages)
            {
                return index;
            }

            IgnoreMetadata(rowGroup, column.Name, $"the ColumnIndex describes {index.NullPages.Count} pages, the OffsetIndex {pages}");
        }
        catch (CorruptDataException error)
        {
            IgnoreMetadata(rowGroup, column.Name, "the ColumnIndex is malformed: " + error.Message);
        }

        return null;
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

        var offsetIndexes = await ReadOffsetIndexesAsync(rowGroup, selected, cancellationToken).ConfigureAwait(false);
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

        using var fetched = await FetchAsync(ranges, cancellationToken).ConfigureAwait(false);
        var result = new Column[selected.Length];
        for (var i = 0; i < selected.Length; i++)
        {
            if (singles[i] is { } single)
            {
                result[i] = ConstantColumn.Create(single, total);
                continue;
            }

            var segments = plannedRanges[i].Select(p => (fetched.Slice(p.Start, p.Length), p.Start, p.Rows)).ToList();
            var rows = plannedRanges[i].Sum(p => p.Rows);
            var meta = group.Columns[selected[i].Index].MetaData!;
            // Pages that do not decode to the rows the OffsetIndex gives them fail the read: the index's row ranges
            // may already have decided what was pruned, so reading around it here could not make the answer right.
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

    /// <summary>
    /// Fetches (in one coalesced read) and validates the OffsetIndex of each column: null for a chunk without one,
    /// and for a chunk whose OffsetIndex is unusable, which is ignored and counted (<see cref="IgnoreMetadata"/>).
    /// </summary>
    private async ValueTask<(PageLocation Location, RowRange Rows)[]?[]> ReadOffsetIndexesAsync(int rowGroup, ParquetColumnDescriptor[] columns, CancellationToken cancellationToken)
    {
        var group = _rowGroups[rowGroup];
        var ranges = new List<(long Start, long Length)>();
        var usable = new bool[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var chunk = group.Columns[columns[i].Index];
            if (chunk.OffsetIndexOffset is { } offset && chunk.OffsetIndexLength is { } length && group.NumRows > 0)
            {
                if (IndexRangeProblem("OffsetIndex", offset, length) is { } outside)
                {
                    IgnorePageIndex(rowGroup, columns[i], outside);
                    continue;
                }

                usable[i] = true;
                ranges.Add((offset, length));
            }
        }

        using var fetched = ranges.Count > 0 ? await FetchIndexAsync(ranges, cancellationToken).ConfigureAwait(false) : new FetchedRanges();
        var result = new (PageLocation, RowRange)[]?[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            if (!usable[i])
            {
                continue;
            }

            var chunk = group.Columns[columns[i].Index];
            var offset = chunk.OffsetIndexOffset!.Value;
            try
            {
                var reader = new ThriftCompactReader(fetched.Slice(offset, chunk.OffsetIndexLength!.Value), Key, offset);
                var index = MetadataDecoder.ReadOffsetIndex(ref reader);
                if (PagesProblem(index, group, chunk.MetaData!) is { } problem)
                {
                    IgnorePageIndex(rowGroup, columns[i], problem);
                }
                else
                {
                    result[i] = Pages(index, group);
                }
            }
            catch (CorruptDataException error)
            {
                IgnorePageIndex(rowGroup, columns[i], "the OffsetIndex is malformed: " + error.Message);
            }
        }

        return result;
    }

    /// <summary>
    /// Why the OffsetIndex cannot be used, or null when it can: its pages must start at row 0 with rising first rows
    /// inside the row group, and must tile the chunk's data pages — contiguous, inside the column chunk, the last
    /// one ending where the chunk ends — so every byte of the chunk after the dictionary belongs to one listed page.
    /// </summary>
    private static string? PagesProblem(OffsetIndex index, RowGroup group, ColumnMetaData meta)
    {
        var pages = index.Pages;
        var (chunkStart, chunkLength) = ChunkRange(meta);
        var chunkEnd = chunkStart + chunkLength;
        if (pages.Count == 0 || pages[0].FirstRowIndex != 0)
        {
            return $"the OffsetIndex has {pages.Count} pages and must start at row 0";
        }

        var previousEnd = chunkStart;
        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            var end = p + 1 < pages.Count ? pages[p + 1].FirstRowIndex : group.NumRows;
            if (end <= page.FirstRowIndex || end > group.NumRows)
            {
                return $"OffsetIndex page {p} covers rows [{page.FirstRowIndex}, {end}) of a {group.NumRows}-row group";
            }

            if (page.CompressedPageSize <= 0 || page.Offset < previousEnd || (p > 0 && page.Offset != previousEnd) || page.Offset > chunkEnd - page.CompressedPageSize)
            {
                return $"OffsetIndex page {p} at [{page.Offset}, +{page.CompressedPageSize}) lies outside the column chunk [{chunkStart}, {chunkEnd}) or does not follow the page before";
            }

            previousEnd = page.Offset + page.CompressedPageSize;
        }

        return previousEnd == chunkEnd ? null : $"the OffsetIndex pages end at {previousEnd}, the column chunk at {chunkEnd}";
    }

    private static (PageLocation, RowRange)[] Pages(OffsetIndex index, RowGroup group)
    {
        var pages = index.Pages;
        var result = new (PageLocation, RowRange)[pages.Count];
        for (var p = 0; p < pages.Count; p++)
        {
            var end = p + 1 < pages.Count ? pages[p + 1].FirstRowIndex : group.NumRows;
            result[p] = (pages[p], new RowRange(pages[p].FirstRowIndex, end));
        }

        return result;
    }

    /// <summary>
    /// The bytes holding <paramref name="ranges"/> of the page index: the file's whole page index region, read once
    /// (or kept from the footer's tail read) and then shared by every call, when it covers them; otherwise a fetch.
    /// </summary>
    private async ValueTask<FetchedRanges> FetchIndexAsync(List<(long Start, long Length)> ranges, CancellationToken cancellationToken)
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
            var shared = new FetchedRanges();
            shared.AddBorrowed(start, data);
            return shared;
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

    private string? IndexRangeProblem(string what, long offset, int length) =>
        offset < MagicLength || length <= 0 || offset > FileLength - 8 - length
            ? $"the {what} [{offset}, +{length}) lies outside the {FileLength}-byte file"
            : null;

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
