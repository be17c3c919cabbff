using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Core.Pipelines;

namespace Engine.Core.Planning;

/// <summary>
/// Lastpoint pruning: when every aggregate is <c>first</c>/<c>last</c> over one time column (or that
/// column's <c>min</c>/<c>max</c>), every group key is constant within a partition and there is no WHERE,
/// a group's answer comes only from its rows at the earliest or latest time. Chunks whose time range
/// cannot reach that instant are skipped, proven by statistics: the time column's min/max and zero NULLs in
/// it and in every first/last argument of every chunk. Partitions with the same key values are pruned
/// together. Anything unproven keeps every chunk.
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
        if (plan.Operators.Count > 0 || plan.Sink is not AggregateSink { Aggregates.Count: > 0 } sink)
        {
            return null;
        }

        string? time = null;
        var values = new List<string>();
        bool first = false, last = false;
        foreach (var aggregate in sink.Aggregates)
        {
            if (aggregate.Distinct || aggregate.Kernel.TimeExtreme is not { } use ||
                aggregate.Arguments[use.TimeArgument] is not ColumnReference { Type.Id: TypeId.Timestamp } order)
            {
                return null;
            }

            if (time is not null && !time.Equals(Name(plan, order), StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            time = Name(plan, order);
            if (use.ValueArgument is { } valueArgument)
            {
                if (aggregate.Arguments[valueArgument] is not ColumnReference value)
                {
                    return null;
                }

                values.Add(Name(plan, value));
            }

            first |= !use.Latest;
            last |= use.Latest;
        }

        var keys = new string[sink.GroupKeys.Count];
        for (var k = 0; k < keys.Length; k++)
        {
            if (sink.GroupKeys[k] is not ColumnReference key)
            {
                return null;
            }

            keys[k] = Name(plan, key);
        }

        return new TimeExtremePruner(time!, [.. values], keys, first, last);
    }

    /// <summary>
    /// Clears in <paramref name="keep"/> (per partition, one flag per chunk, true on entry for chunks still
    /// wanted) the chunks that cannot hold their group's earliest or latest rows. A partition whose statistics
    /// prove nothing keeps its chunks; when every partition is proven, partitions with the same key values
    /// (a host's file per day) are pruned together, so only the files reaching the extreme time are read.
    /// </summary>
    public void Prune(IReadOnlyList<PartitionInfo> partitions, bool[][] keep)
    {
        var extremes = new (ScalarValue Earliest, ScalarValue Latest, string Key)?[partitions.Count];
        var allProven = true;
        for (var p = 0; p < partitions.Count; p++)
        {
            extremes[p] = Extremes(partitions[p], keep[p]);
            allProven &= extremes[p] is not null;
        }

        var byKey = new Dictionary<string, (ScalarValue Earliest, ScalarValue Latest)>(StringComparer.Ordinal);
        for (var p = 0; p < partitions.Count; p++)
        {
            if (extremes[p] is not { } e)
            {
                continue;
            }

            var key = allProven ? e.Key : p.ToString(System.Globalization.CultureInfo.InvariantCulture);
            byKey[key] = byKey.TryGetValue(key, out var group)
                ? (Min(group.Earliest, e.Earliest), Max(group.Latest, e.Latest))
                : (e.Earliest, e.Latest);
        }

        for (var p = 0; p < partitions.Count; p++)
        {
            if (extremes[p] is not { } e)
            {
                continue;
            }

            var (earliest, latest) = byKey[allProven ? e.Key : p.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            for (var c = 0; c < keep[p].Length; c++)
            {
                if (keep[p][c])
                {
                    var time = partitions[p].Chunks[c].Statistics[_timeColumn];
                    keep[p][c] = (_needsFirst && time.Min.Equals(earliest)) || (_needsLast && time.Max.Equals(latest));
                }
            }
        }
    }

    // The earliest and latest time over the kept chunks and the partition's key values as text, or null when
    // a kept chunk lacks the statistics that prove them.
    private (ScalarValue Earliest, ScalarValue Latest, string Key)? Extremes(PartitionInfo partition, bool[] keep)
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
                return null;
            }

            earliest = any ? Min(earliest, time.Min) : time.Min;
            latest = any ? Max(latest, time.Max) : time.Max;
            any = true;
        }

        if (!any)
        {
            return null;
        }

        var key = new System.Text.StringBuilder();
        foreach (var column in _keyColumns)
        {
            var value = partition.KeyValues.TryGetValue(column, out var fixedValue) ? fixedValue : partition.Chunks[0].Statistics[column].Min;
            key.Append(value.Type).Append(':').Append(value.Type.Id switch
            {
                _ when value.IsNull => "NULL",
                TypeId.String => value.StringValue,
                TypeId.Double => BitConverter.DoubleToInt64Bits(value.DoubleValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
                TypeId.Bool => value.BoolValue ? "1" : "0",
                _ => value.Int64Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Append('\u0001');
        }

        return (earliest, latest, key.ToString());
    }

    private static ScalarValue Min(ScalarValue a, ScalarValue b) => b.CompareTo(a) < 0 ? b : a;

    private static ScalarValue Max(ScalarValue a, ScalarValue b) => b.CompareTo(a) > 0 ? b : a;

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
