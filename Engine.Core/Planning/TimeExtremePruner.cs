using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Planning;

/// <summary>
/// Lastpoint pruning: when every aggregate is <c>first</c>/<c>last</c> over one time column (or that
/// column's <c>min</c>/<c>max</c>), every group key is constant within a partition and there is no WHERE,
/// a partition's answer comes only from its rows at the earliest or latest time. Chunks whose time range
/// cannot reach that instant are skipped, proven by statistics: the time column's min/max and zero NULLs in
/// it and in every first/last argument of every chunk. Anything unproven keeps every chunk.
/// </summary>
internal sealed class TimeExtremePruner
{
    private readonly string _timeColumn;
    private readonly string[] _valueColumns;
    private readonly string[] _keyColumns;
    private readonly bool _needsFirst;
    private readonly bool _needsLast;

    private TimeExtremePruner(string timeColumn, string[] valueColumns, string[] keyColumns, bool needsFirst, bool needsLast)
    {
        _timeColumn = timeColumn;
        _valueColumns = valueColumns;
        _keyColumns = keyColumns;
        _needsFirst = needsFirst;
        _needsLast = needsLast;
    }

    /// <summary>The pruner for <paramref name="plan"/>, or null when its shape does not allow one.</summary>
    public static TimeExtremePruner? For(FragmentPlan plan)
    {
        if (!plan.IsAggregate || plan.Filter is not null || plan.Aggregates.Count == 0)
        {
            return null;
        }

        string? time = null;
        var values = new List<string>();
        bool first = false, last = false;
        foreach (var aggregate in plan.Aggregates)
        {
            switch (aggregate)
            {
                case { Kind: AggregateKind.First or AggregateKind.Last, Argument: ColumnReference value, SecondArgument: ColumnReference order }:
                    if (time is not null && !time.Equals(Name(plan, order), StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }

                    time = Name(plan, order);
                    values.Add(Name(plan, value));
                    first |= aggregate.Kind == AggregateKind.First;
                    last |= aggregate.Kind == AggregateKind.Last;
                    break;
                case { Kind: AggregateKind.Min or AggregateKind.Max, Argument: ColumnReference { Type: DataType.Timestamp } extreme }:
                    if (time is not null && !time.Equals(Name(plan, extreme), StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }

                    time = Name(plan, extreme);
                    first |= aggregate.Kind == AggregateKind.Min;
                    last |= aggregate.Kind == AggregateKind.Max;
                    break;
                default:
                    return null;
            }
        }

        var keys = new string[plan.GroupKeys.Count];
        for (var k = 0; k < keys.Length; k++)
        {
            if (plan.GroupKeys[k] is not ColumnReference key)
            {
                return null;
            }

            keys[k] = Name(plan, key);
        }

        return new TimeExtremePruner(time!, [.. values], keys, first, last);
    }

    /// <summary>
    /// Marks in <paramref name="keep"/> (one flag per chunk, true on entry for chunks still wanted) the chunks
    /// that cannot hold the partition's earliest or latest rows, when statistics prove it.
    /// </summary>
    public void Prune(PartitionInfo partition, bool[] keep)
    {
        ScalarValue earliest = default, latest = default;
        var any = false;
        for (var c = 0; c < partition.Chunks.Count; c++)
        {
            if (!keep[c])
            {
                continue;
            }

            var chunk = partition.Chunks[c];
            if (!chunk.Statistics.TryGetValue(_timeColumn, out var time) || time.NullCount != 0 || time.Min.IsNull || time.Max.IsNull ||
                !NoNulls(chunk, _valueColumns) || !KeysConstant(partition, chunk))
            {
                return;
            }

            earliest = !any || time.Min.CompareTo(earliest) < 0 ? time.Min : earliest;
            latest = !any || time.Max.CompareTo(latest) > 0 ? time.Max : latest;
            any = true;
        }

        for (var c = 0; c < partition.Chunks.Count; c++)
        {
            if (keep[c])
            {
                var time = partition.Chunks[c].Statistics[_timeColumn];
                keep[c] = (_needsFirst && time.Min.Equals(earliest)) || (_needsLast && time.Max.Equals(latest));
            }
        }
    }

    private static string Name(FragmentPlan plan, ColumnReference column) => plan.ScanFields[column.Index].Name;

    private static bool NoNulls(PartitionChunk chunk, string[] columns)
    {
        foreach (var column in columns)
        {
            if (!chunk.Statistics.TryGetValue(column, out var statistics) || statistics.NullCount != 0)
            {
                return false;
            }
        }

        return true;
    }

    // A key is constant within the partition when the path fixes it, or when every kept chunk proves one
    // non-NULL value and that value is the same in all of them (checked against the first chunk).
    private bool KeysConstant(PartitionInfo partition, PartitionChunk chunk)
    {
        foreach (var key in _keyColumns)
        {
            if (partition.KeyValues.ContainsKey(key))
            {
                continue;
            }

            if (!chunk.Statistics.TryGetValue(key, out var statistics) || statistics.NullCount != 0 || statistics.Min.IsNull ||
                !statistics.Min.Equals(statistics.Max) ||
                !partition.Chunks[0].Statistics.TryGetValue(key, out var reference) || !statistics.Min.Equals(reference.Min) || !reference.Min.Equals(reference.Max))
            {
                return false;
            }
        }

        return true;
    }
}
