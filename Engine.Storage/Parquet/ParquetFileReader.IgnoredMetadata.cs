using System.Collections.Concurrent;
using Engine.Core.Catalog;
using Engine.Core.Columns;

namespace Engine.Storage.Parquet;

/// <summary>
/// Optional metadata that lies is ignored, never fatal: a page index that contradicts itself or the data is
/// dropped for its column chunk (the chunk is read whole), and impossible statistics (min above max, more
/// NULLs or NaNs than values) become unknown. Each case is counted in <see cref="IgnoredMetadataCount"/>, and
/// the first one of the file is logged as a warning to <see cref="ParquetReaderOptions.Logger"/>.
/// </summary>
public sealed partial class ParquetFileReader
{
    private readonly ConcurrentDictionary<(int RowGroup, int Column), bool> _ignoredPageIndexes = new();
    private long _ignoredMetadata;
    private int _metadataWarned;

    /// <summary>
    /// How often this reader has ignored optional metadata: footer statistics made unknown at open, every call
    /// that found a chunk's page index (or a page's statistics) unusable and did without it, and every later read
    /// of a column chunk whose page index was found unusable (so a query's statistics count the chunks it read
    /// without their index). Thread-safe.
    /// </summary>
    public long IgnoredMetadataCount => Interlocked.Read(ref _ignoredMetadata);

    /// <summary>Counts the reads of <paramref name="columns"/> in <paramref name="rowGroup"/> whose page index was ignored.</summary>
    private void CountReadsWithoutPageIndex(int rowGroup, ParquetColumnDescriptor[] columns)
    {
        if (_ignoredPageIndexes.IsEmpty)
        {
            return;
        }

        foreach (var column in columns)
        {
            if (_ignoredPageIndexes.ContainsKey((rowGroup, column.Index)))
            {
                Interlocked.Increment(ref _ignoredMetadata);
            }
        }
    }

    /// <summary>Counts an unusable page index of <paramref name="column"/> in <paramref name="rowGroup"/>, remembering the chunk.</summary>
    private void IgnorePageIndex(int rowGroup, ParquetColumnDescriptor column, string problem)
    {
        _ignoredPageIndexes.TryAdd((rowGroup, column.Index), true);
        IgnoreMetadata(rowGroup, column.Name, problem);
    }

    /// <summary>Counts one ignored piece of metadata and logs the first of the file.</summary>
    private void IgnoreMetadata(int rowGroup, string column, string problem)
    {
        Interlocked.Increment(ref _ignoredMetadata);
        if (Interlocked.Exchange(ref _metadataWarned, 1) == 0 && _options.Logger is { } logger)
        {
            ParquetLog.IgnoredMetadata(logger, Key, $"row group {rowGroup}, column '{column}': {problem}");
        }
    }

    /// <summary>
    /// <paramref name="statistics"/> of <paramref name="values"/> values with its impossible parts made unknown: both
    /// bounds when min lies above max, the NULL or NaN count when it exceeds the values. Null when nothing is wrong.
    /// </summary>
    private static (ColumnStatistics Statistics, string Problem)? Sanitize(ColumnStatistics statistics, long values)
    {
        var (min, max, nulls, nans) = statistics;
        string? problem = null;
        if (!min.IsNull && !max.IsNull && min.CompareTo(max) > 0)
        {
            problem = $"min {min} above max {max}";
            (min, max) = (ScalarValue.Null(min.Type), ScalarValue.Null(max.Type));
        }

        if (nulls > values || nulls < -1)
        {
            problem = $"{nulls} NULLs in {values} values";
            nulls = -1;
        }

        if (nans > values || nans < -1)
        {
            problem = $"{nans} NaNs in {values} values";
            nans = -1;
        }

        return problem is null ? null : (new ColumnStatistics(min, max, nulls, nans), problem);
    }
}
