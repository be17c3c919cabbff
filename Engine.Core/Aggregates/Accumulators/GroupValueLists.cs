using System.Runtime.InteropServices;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// Every non-NULL value of each group, in arrival order, for the exact holistic aggregates. Exported as one
/// state row per value, <c>[BIGINT group, value]</c>, and merged by appending. Not thread-safe.
/// </summary>
internal sealed class GroupValueLists<T, TKind>
    where TKind : IValueKind<T>
{
    private List<T>?[] _lists = new List<T>?[16];

    /// <summary>Makes room for <paramref name="groupCount"/> groups.</summary>
    public void EnsureGroups(int groupCount)
    {
        if (_lists.Length < groupCount)
        {
            Array.Resize(ref _lists, Math.Max(groupCount, _lists.Length * 2));
        }
    }

    /// <summary>Adds the non-NULL rows of <paramref name="values"/>, row i to group <c>groupIds[i]</c>.</summary>
    public void Add(ReadOnlySpan<int> groupIds, Column values)
    {
        var check = values.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (!check || !values.IsNull(i))
            {
                (_lists[groupIds[i]] ??= []).Add(TKind.Read(values, i));
            }
        }
    }

    /// <summary>Adds the rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of <paramref name="values"/> to <paramref name="group"/>, skipping NULLs.</summary>
    public void AddRun(int group, Column values, int start, int length)
    {
        var list = _lists[group] ??= [];
        if (!values.HasNulls)
        {
            TKind.AppendRange(list, values, start, length);
            return;
        }

        for (var i = start; i < start + length; i++)
        {
            if (!values.IsNull(i))
            {
                list.Add(TKind.Read(values, i));
            }
        }
    }

    /// <summary>Adds another partial's state rows: its group g goes to this group <c>groupMap[g]</c>. Rows of one group come in runs, added a run at a time.</summary>
    /// <exception cref="ArgumentException">A row names a group the partial does not have.</exception>
    public void Merge(Column groups, Column values, ReadOnlySpan<int> groupMap)
    {
        var ids = ((Int64Column)groups).Values;
        var start = 0;
        while (start < ids.Length)
        {
            var group = ids[start];
            if ((ulong)group >= (ulong)groupMap.Length)
            {
                throw new ArgumentException($"A value list names group {group} of {groupMap.Length}.", nameof(groups));
            }

            var end = start + 1;
            while (end < ids.Length && ids[end] == group)
            {
                end++;
            }

            AddRun(groupMap[(int)group], values, start, end - start);
            start = end;
        }
    }

    /// <summary>The values of group <paramref name="group"/> (empty when it has none); the span is valid until the next change.</summary>
    public Span<T> Values(int group) => _lists[group] is { } list ? CollectionsMarshal.AsSpan(list) : [];

    /// <summary>The state rows of groups [0, <paramref name="groupCount"/>): group ids and values of <paramref name="type"/>.</summary>
    public IReadOnlyList<Column> Export(int groupCount, DataType type)
    {
        var total = 0;
        for (var g = 0; g < groupCount; g++)
        {
            total += _lists[g]?.Count ?? 0;
        }

        var groups = new long[total];
        var values = new T[total];
        var at = 0;
        for (var g = 0; g < groupCount; g++)
        {
            if (_lists[g] is not { } list)
            {
                continue;
            }

            groups.AsSpan(at, list.Count).Fill(g);
            list.CopyTo(values, at);
            at += list.Count;
        }

        return [new Int64Column(groups), TKind.Build(values, null, type)];
    }
}
