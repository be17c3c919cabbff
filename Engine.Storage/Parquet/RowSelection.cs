using Engine.Core.Columns;

namespace Engine.Storage.Parquet;

/// <summary>
/// The rows of one row group a read keeps: sorted, non-overlapping, non-empty <see cref="RowRange"/>s.
/// Usually built with <see cref="FromPages"/> from one column's page statistics, then passed to
/// <see cref="ParquetFileReader.ReadRowGroupAsync(int, IReadOnlyList{string}, RowSelection?, CancellationToken)"/>
/// so that every requested column decodes only the pages covering those rows.
/// </summary>
public sealed class RowSelection
{
    private readonly RowRange[] _ranges;

    /// <summary>Creates a selection from <paramref name="ranges"/>, which must be sorted, disjoint and non-empty (adjacent ranges are merged).</summary>
    public RowSelection(IEnumerable<RowRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var merged = new List<RowRange>();
        foreach (var range in ranges)
        {
            if (range.Start < 0 || range.End <= range.Start)
            {
                throw new ArgumentException($"Row range [{range.Start}, {range.End}) is empty or negative.", nameof(ranges));
            }

            if (merged.Count > 0 && range.Start < merged[^1].End)
            {
                throw new ArgumentException($"Row range [{range.Start}, {range.End}) overlaps or precedes [{merged[^1].Start}, {merged[^1].End}).", nameof(ranges));
            }

            if (merged.Count > 0 && range.Start == merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = range.End };
            }
            else
            {
                merged.Add(range);
            }
        }

        _ranges = [.. merged];
        RowCount = _ranges.Sum(r => r.Length);
    }

    /// <summary>The kept ranges, sorted and disjoint.</summary>
    public IReadOnlyList<RowRange> Ranges => _ranges;

    /// <summary>How many rows the selection keeps.</summary>
    public long RowCount { get; }

    /// <summary>
    /// Keeps the pages whose values can lie in [<paramref name="lower"/>, <paramref name="upper"/>] (inclusive;
    /// a NULL bound is open). A page with an unknown min or max is kept; a page of only NULLs is dropped,
    /// since no NULL satisfies a range.
    /// </summary>
    public static RowSelection FromPages(IReadOnlyList<ParquetPageStatistics> pages, ScalarValue lower, ScalarValue upper)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var kept = new List<RowRange>();
        foreach (var page in pages)
        {
            if (page.Rows.Length > 0 && CanMatch(page, lower, upper))
            {
                kept.Add(page.Rows);
            }
        }

        return new RowSelection(kept);
    }

    private static bool CanMatch(ParquetPageStatistics page, ScalarValue lower, ScalarValue upper)
    {
        var (min, max, nulls, nans) = page.Statistics;
        if (nulls == page.Rows.Length)
        {
            return false;
        }

        // NaN sorts above every number but is outside max: with no upper bound, a page that may hold NaN may
        // reach any lower bound.
        var nanMayMatch = max.Type == DataType.Double && nans != 0 && upper.IsNull;
        if (!lower.IsNull && !max.IsNull && !nanMayMatch && Comparable(max, lower) && max < lower)
        {
            return false;
        }

        return upper.IsNull || min.IsNull || !Comparable(min, upper) || min <= upper;
    }

    private static bool Comparable(ScalarValue left, ScalarValue right) =>
        left.Type == right.Type || (IsNumeric(left.Type) && IsNumeric(right.Type));

    private static bool IsNumeric(DataType type) => type.Id is TypeId.Int64 or TypeId.Double;
}
