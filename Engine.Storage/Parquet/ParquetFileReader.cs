using System.Buffers.Binary;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Storage;
using Engine.Storage.Buffers;
using Engine.Storage.Catalog;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Thrift;

namespace Engine.Storage.Parquet;

/// <summary>
/// Reads a flat Parquet file from an <see cref="IObjectStore"/>. <see cref="OpenAsync"/> fetches the footer
/// with one ranged read of the file's tail (a second only when the footer is larger than
/// <see cref="ParquetReaderOptions.FooterReadSize"/>) and exposes the schema, row groups and statistics;
/// <see cref="ReadRowGroupAsync(int, IReadOnlyList{string}, CancellationToken)"/> fetches only the requested columns' chunks, coalescing nearby ranges into
/// one request, and decodes them into a <see cref="ColumnBatch"/>. Type mapping: see
/// <see cref="ParquetTypeMapping"/> and docs/parquet.md. Nested or repeated columns, encryption and
/// external column chunks are rejected at open with <see cref="UnsupportedFeatureException"/>; malformed
/// bytes raise <see cref="CorruptDataException"/> naming the key, the offset and the column. The reader is
/// immutable after opening and <see cref="ReadRowGroupAsync(int, IReadOnlyList{string}, CancellationToken)"/> may run concurrently.
/// </summary>
public sealed partial class ParquetFileReader
{
    private const int MagicLength = 4;
    private static readonly byte[] s_magic = "PAR1"u8.ToArray();
    private static readonly byte[] s_encryptedMagic = "PARE"u8.ToArray();

    private readonly IObjectStore _store;
    private readonly ParquetReaderOptions _options;
    private readonly IReadOnlyList<RowGroup> _rowGroups;
    private Task<(long Start, byte[] Data)?>? _pageIndexRegion;
    private int _headVerified;

    private ParquetFileReader(IObjectStore store, string key, long fileLength, ParquetReaderOptions options, FileMetaData metadata,
        IReadOnlyList<ParquetColumnDescriptor> columns, bool headVerified, (long Start, byte[] Data)? pageIndexRegion)
    {
        _store = store;
        if (pageIndexRegion is not null)
        {
            _pageIndexRegion = Task.FromResult(pageIndexRegion);
        }

        _options = options;
        _rowGroups = metadata.RowGroups;
        _headVerified = headVerified ? 1 : 0;
        Key = key;
        FileLength = fileLength;
        Columns = columns;
        Schema = new Schema([.. columns.Select(c => c.Field)]);
        CreatedBy = metadata.CreatedBy;
        KeyValueMetadata = metadata.KeyValueMetadata;
        var groups = new ParquetRowGroupInfo[_rowGroups.Count];
        long rows = 0;
        for (var g = 0; g < groups.Length; g++)
        {
            var group = _rowGroups[g];
            var statistics = new ColumnStatistics[columns.Count];
            long compressed = 0;
            for (var c = 0; c < columns.Count; c++)
            {
                var meta = group.Columns[c].MetaData!;
                statistics[c] = ValueConverter.ConvertStatistics(columns[c], meta.Statistics);
                if (Sanitize(statistics[c], group.NumRows) is var (sane, problem))
                {
                    statistics[c] = sane;
                    IgnoreMetadata(g, columns[c].Name, $"footer statistics: {problem}");
                }

                compressed += meta.TotalCompressedSize;
            }

            groups[g] = new ParquetRowGroupInfo(g, group.NumRows, compressed, statistics);
            rows += group.NumRows;
        }

        RowGroups = groups;
        RowCount = rows;
        HasPageIndex = _rowGroups.Any(g => g.NumRows > 0 && g.Columns.Any(c => c.OffsetIndexOffset is not null && c.OffsetIndexLength is not null));
    }

    /// <summary>The object key of the file.</summary>
    public string Key { get; }

    /// <summary>The file size in bytes.</summary>
    public long FileLength { get; }

    /// <summary>The Engine schema: one field per Parquet column, in file order.</summary>
    public Schema Schema { get; }

    /// <summary>Parquet details of each column, in file order.</summary>
    public IReadOnlyList<ParquetColumnDescriptor> Columns { get; }

    /// <summary>The row groups with their row counts and statistics.</summary>
    public IReadOnlyList<ParquetRowGroupInfo> RowGroups { get; }

    /// <summary>The total number of rows (sum over row groups).</summary>
    public long RowCount { get; }

    /// <summary>The writer's self-description (created_by), when present.</summary>
    public string? CreatedBy { get; }

    /// <summary>The file's key/value metadata.</summary>
    public IReadOnlyList<KeyValue> KeyValueMetadata { get; }

    /// <summary>
    /// Opens <paramref name="key"/> in <paramref name="store"/>: reads and validates the footer. Throws
    /// <see cref="CorruptDataException"/> for a file that is not valid Parquet, <see cref="UnsupportedFeatureException"/>
    /// for valid features Engine does not read, <see cref="StorageException"/> when the store fails.
    /// </summary>
    public static async ValueTask<ParquetFileReader> OpenAsync(IObjectStore store, string key, ParquetReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(key);
        options ??= ParquetReaderOptions.Default;
        var size = await store.GetSizeAsync(key, cancellationToken).ConfigureAwait(false);
        if (size < (2 * MagicLength) + 4)
        {
            throw new CorruptDataException(key, 0, $"the file is {size} bytes; a Parquet file needs at least 12 (magic, footer length, magic)");
        }

        var tailLength = (int)Math.Min(size, Math.Max(options.FooterReadSize, 12));
        var tail = new byte[tailLength];
        await ReadExactlyAsync(store, key, size - tailLength, tail, cancellationToken).ConfigureAwait(false);
        var tailMagic = tail.AsSpan(tailLength - MagicLength);
        if (!tailMagic.SequenceEqual(s_magic))
        {
            if (tailMagic.SequenceEqual(s_encryptedMagic))
            {
                throw new UnsupportedFeatureException("encrypted Parquet footer (PARE)", $"file '{key}'");
            }

            throw new CorruptDataException(key, size - MagicLength, $"the file does not end with the Parquet magic 'PAR1' (found 0x{Convert.ToHexString(tailMagic)})");
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(tail.AsSpan(tailLength - 8));
        if (footerLength <= 0 || footerLength > size - 12)
        {
            throw new CorruptDataException(key, size - 8, $"footer length {footerLength} does not fit in a {size}-byte file (at most {size - 12})");
        }

        var footerOffset = size - 8 - footerLength;
        byte[] footer;
        int footerStart;
        if (footerLength + 8 <= tailLength)
        {
            footer = tail;
            footerStart = tailLength - 8 - footerLength;
        }
        else
        {
            footer = new byte[footerLength];
            footerStart = 0;
            await ReadExactlyAsync(store, key, footerOffset, footer, cancellationToken).ConfigureAwait(false);
        }

        var headVerified = false;
        if (tailLength == size)
        {
            VerifyHeadMagic(key, tail);
            headVerified = true;
        }

        var reader = new ThriftCompactReader(footer.AsSpan(footerStart, footerLength), key, footerOffset);
        var metadata = MetadataDecoder.ReadFileMetaData(ref reader);
        var columns = BuildColumns(key, metadata);
        ValidateRowGroups(key, metadata, columns, footerOffset, options);

        // The page index usually lies just before the footer: when the tail read covered it, keep those bytes
        // so page statistics and page reads cost no request.
        (long Start, byte[] Data)? pageIndexRegion = null;
        if (PageIndexSpan(metadata.RowGroups, footerOffset) is var (regionStart, regionEnd) && regionStart >= size - tailLength)
        {
            var from = (int)(regionStart - (size - tailLength));
            pageIndexRegion = (regionStart, tail.AsSpan(from, (int)(regionEnd - regionStart)).ToArray());
        }

        return new ParquetFileReader(store, key, size, options, metadata, columns, headVerified, pageIndexRegion);
    }

    /// <summary>What the footer says about the file: schema, row groups, column chunks and statistics.</summary>
    public ParquetFileDescription Describe() => ParquetFileDescription.From(this, _rowGroups);

    /// <summary>
    /// Reads <paramref name="columns"/> (names as in <see cref="Schema"/>; exact match first, then ignoring
    /// case) of row group <paramref name="rowGroup"/> into a batch holding exactly those columns in that
    /// order. Only those column chunks are fetched; chunks closer than
    /// <see cref="ParquetReaderOptions.CoalesceGapBytes"/> share one request.
    /// </summary>
    public async ValueTask<ColumnBatch> ReadRowGroupAsync(int rowGroup, IReadOnlyList<string> columns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(rowGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rowGroup, _rowGroups.Count);
        var group = _rowGroups[rowGroup];
        var selected = new ParquetColumnDescriptor[columns.Count];
        var ranges = new List<(long Start, long Length)>();
        for (var i = 0; i < columns.Count; i++)
        {
            var index = Schema.IndexOf(columns[i]);
            if (index < 0)
            {
                throw new ArgumentException($"The Parquet file '{Key}' has no column '{columns[i]}' (it has {Schema}).", nameof(columns));
            }

            selected[i] = Columns[index];
        }

        CountReadsWithoutPageIndex(rowGroup, selected);
        var singles = SingleValues(rowGroup, selected);
        for (var i = 0; i < selected.Length; i++)
        {
            if (group.NumRows > 0 && singles[i] is null)
            {
                ranges.Add(ChunkRange(group.Columns[selected[i].Index].MetaData!));
            }
        }

        // The head magic is checked when it comes free: the footer read covered the whole file, or a
        // requested chunk starts right after it. Adding it to any other read would coalesce every byte
        // between offset 4 and the first requested chunk into the request, defeating projection.
        var verifyHead = Volatile.Read(ref _headVerified) == 0 && ranges.Any(r => r.Start == MagicLength);
        if (verifyHead)
        {
            ranges.Add((0, MagicLength));
        }

        using var fetched = await FetchAsync(ranges, cancellationToken).ConfigureAwait(false);
        if (verifyHead)
        {
            VerifyHeadMagic(Key, fetched.Slice(0, MagicLength));
            Volatile.Write(ref _headVerified, 1);
        }

        var rowCount = (int)group.NumRows;
        var result = new Column[selected.Length];
        var large = new List<Action>();
        for (var i = 0; i < selected.Length; i++)
        {
            if (rowCount > 0 && singles[i] is { } single)
            {
                result[i] = ConstantColumn.Create(single, rowCount);
                continue;
            }

            var meta = group.Columns[selected[i].Index].MetaData!;
            var (start, length) = ChunkRange(meta);
            var bytes = rowCount > 0 ? fetched.Slice(start, length) : ArraySegment<byte>.Empty;
            var column = i;
            void Decode() => result[column] = new ColumnChunkDecoder(selected[column], meta.Codec, Key, rowCount, _options).Decode(bytes, start);
            if (_options.ParallelDecodeBytes > 0 && length >= _options.ParallelDecodeBytes)
            {
                large.Add(Decode);
            }
            else
            {
                Decode();
            }
        }

        if (large.Count == 1)
        {
            large[0]();
        }
        else if (large.Count > 1)
        {
            // Large chunks decode side by side on pool threads: each decoder is independent and only reads the
            // fetched bytes, which stay alive (and pooled) until every decoder has finished, failed or not.
            await Task.WhenAll(large.ConvertAll(decode => Task.Run(decode, CancellationToken.None))).ConfigureAwait(false);
        }

        return new ColumnBatch(new Schema([.. selected.Select(c => c.Field)]), result, rowCount);
    }

    // A chunk whose statistics prove one value in every row (min equals max, no NULLs) is not fetched:
    // a symbol column in a file per symbol, or a key column repeated inside Hive files. Doubles are left
    // out because writers exclude NaN from min and max, so equal bounds do not prove the absence of NaN.
    private ScalarValue?[] SingleValues(int rowGroup, ParquetColumnDescriptor[] columns)
    {
        var singles = new ScalarValue?[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var statistics = RowGroups[rowGroup].Statistics[columns[i].Index];
            if (statistics.NullCount == 0 && !statistics.Min.IsNull && !statistics.Max.IsNull &&
                statistics.Min.Type.Id is TypeId.String or TypeId.Int64 or TypeId.Timestamp or TypeId.Bool &&
                statistics.Min.Equals(statistics.Max))
            {
                singles[i] = statistics.Min;
            }
        }

        return singles;
    }

    /// <summary>
    /// Fetches <paramref name="ranges"/>, merging those closer than <see cref="ParquetReaderOptions.CoalesceGapBytes"/>
    /// into one request each, into pooled arrays owned by the result (which the caller disposes once decoded).
    /// </summary>
    private async ValueTask<FetchedRanges> FetchAsync(List<(long Start, long Length)> ranges, CancellationToken cancellationToken)
    {
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(long Start, long End)>();
        foreach (var (start, length) in ranges)
        {
            var end = start + length;
            if (merged.Count > 0 && start - merged[^1].End <= _options.CoalesceGapBytes)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        var fetched = new FetchedRanges();
        try
        {
            foreach (var (start, end) in merged)
            {
                var length = checked((int)(end - start));
                var data = PooledBuffers.Rent<byte>(length);
                fetched.AddRented(start, data, length);
                await ReadExactlyAsync(_store, Key, start, data.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }

            return fetched;
        }
        catch
        {
            fetched.Dispose();
            throw;
        }
    }

    private static (long Start, long Length) ChunkRange(ColumnMetaData meta)
    {
        var start = meta.DictionaryPageOffset is > 0 and var dictionary && dictionary < meta.DataPageOffset ? dictionary : meta.DataPageOffset;
        return (start, meta.TotalCompressedSize);
    }

    private static async ValueTask ReadExactlyAsync(IObjectStore store, string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var read = await store.ReadAsync(key, offset, destination, cancellationToken).ConfigureAwait(false);
        if (read != destination.Length)
        {
            throw new CorruptDataException(key, offset + read, $"the object ended after {read} of {destination.Length} bytes requested at offset {offset}");
        }
    }

    private static void VerifyHeadMagic(string key, ReadOnlySpan<byte> head)
    {
        if (!head[..MagicLength].SequenceEqual(s_magic))
        {
            throw new CorruptDataException(key, 0, $"the file does not start with the Parquet magic 'PAR1' (found 0x{Convert.ToHexString(head[..MagicLength])})");
        }
    }

    private static ParquetColumnDescriptor[] BuildColumns(string key, FileMetaData metadata)
    {
        var schema = metadata.Schema;
        if (schema.Count == 0)
        {
            throw new CorruptDataException(key, -1, "the schema is empty (no root element)");
        }

        var root = schema[0];
        var children = root.NumChildren ?? 0;
        var columns = new List<ParquetColumnDescriptor>(schema.Count - 1);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < schema.Count; i++)
        {
            var element = schema[i];
            if (element.NumChildren is > 0 || element.Type is null)
            {
                throw new UnsupportedFeatureException("nested Parquet column (group)", $"column '{element.Name}' in '{key}'; only flat schemas are read");
            }

            if (element.Repetition == FieldRepetition.Repeated)
            {
                throw new UnsupportedFeatureException("repeated Parquet column", $"column '{element.Name}' in '{key}'; only flat schemas are read");
            }

            if (element.Type == PhysicalType.FixedLenByteArray && element.TypeLength is not > 0)
            {
                throw new CorruptDataException(key, -1, $"column '{element.Name}': FIXED_LEN_BYTE_ARRAY needs a positive type_length, not {element.TypeLength}");
            }

            if (!names.Add(element.Name))
            {
                throw new UnsupportedFeatureException("Parquet column names that differ only by case", $"column '{element.Name}' in '{key}'");
            }

            var (type, conversion) = ParquetTypeMapping.Map(element, key);
            var (precision, scale) = conversion is ValueConversion.DecimalIntegerToDouble or ValueConversion.DecimalIntegerToText or ValueConversion.DecimalBytesToDouble or ValueConversion.DecimalBytesToText
                ? ParquetTypeMapping.DecimalParameters(element, key)
                : (0, 0);
            var repetition = element.Repetition ?? FieldRepetition.Optional;
            columns.Add(new ParquetColumnDescriptor(columns.Count, new Field(element.Name, type, repetition != FieldRepetition.Required),
                element.Type.Value, element.TypeLength ?? 0, repetition, element.ConvertedType, element.LogicalType, precision, scale, conversion));
        }

        if (children != columns.Count)
        {
            throw new CorruptDataException(key, -1, $"the schema root declares {children} children but {columns.Count} elements follow");
        }

        return [.. columns];
    }

    private static void ValidateRowGroups(string key, FileMetaData metadata, ParquetColumnDescriptor[] columns, long footerOffset, ParquetReaderOptions options)
    {
        long total = 0;
        for (var g = 0; g < metadata.RowGroups.Count; g++)
        {
            var group = metadata.RowGroups[g];
            if (group.NumRows < 0 || group.NumRows > options.MaxRowGroupRows)
            {
                throw new CorruptDataException(key, -1, $"row group {g} declares {group.NumRows} rows (at most {options.MaxRowGroupRows} accepted)");
            }

            if (group.Columns.Count != columns.Length)
            {
                throw new CorruptDataException(key, -1, $"row group {g} has {group.Columns.Count} column chunks for {columns.Length} columns");
            }

            for (var c = 0; c < columns.Length; c++)
            {
                var chunk = group.Columns[c];
                var empty = group.NumRows == 0;
                var name = columns[c].Name;
                if (chunk.IsEncrypted)
                {
                    throw new UnsupportedFeatureException("encrypted Parquet column", $"column '{name}' in '{key}'");
                }

                if (chunk.FilePath is not null)
                {
                    throw new UnsupportedFeatureException("Parquet column chunk stored in another file", $"column '{name}' in '{key}' points to '{chunk.FilePath}'");
                }

                var meta = chunk.MetaData ?? throw new CorruptDataException(key, -1, $"row group {g} column '{name}' has no ColumnMetaData");
                if (meta.Type != columns[c].PhysicalType)
                {
                    throw new CorruptDataException(key, -1, $"row group {g} column '{name}' is stored as {meta.Type} but the schema says {columns[c].PhysicalType}");
                }

                // A flat column stores one value (NULLs included) per row: any other count means rows would be
                // lost or invented without a word, whichever of the two counts is the wrong one.
                if (meta.NumValues != group.NumRows)
                {
                    throw new CorruptDataException(key, -1, $"row group {g} declares {group.NumRows} rows but its column '{name}' chunk declares {meta.NumValues} values");
                }

                var (start, length) = ChunkRange(meta);
                if (!empty && (start < MagicLength || length < 0 || length > footerOffset - start))
                {
                    throw new CorruptDataException(key, start, $"row group {g} column '{name}' chunk [{start}, +{length}) lies outside the data region [4, {footerOffset})");
                }
            }

            total += group.NumRows;
        }

        if (total != metadata.NumRows)
        {
            throw new CorruptDataException(key, -1, $"the footer declares {metadata.NumRows} rows but its row groups hold {total}");
        }
    }
}
