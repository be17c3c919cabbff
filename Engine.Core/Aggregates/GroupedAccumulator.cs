using System.Buffers;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>
/// The state of one aggregate for many groups, held column-wise (one array slot per group). The life
/// cycle follows DataFusion's accumulators and DuckDB's sinks: <see cref="Update"/> with input rows,
/// <see cref="ExportState"/> to a partial, <see cref="Merge"/> partials, <see cref="Finalize"/> once.
/// Made by <see cref="AggregateKernel.CreateAccumulator"/>; not thread-safe: each worker owns its own.
/// </summary>
public abstract class GroupedAccumulator
{
    /// <summary>Makes room for groups [0, <paramref name="groupCount"/>); new groups start empty.</summary>
    public abstract void EnsureGroups(int groupCount);

    /// <summary>
    /// Adds input rows: row i belongs to group <c>groupIds[i]</c>. Each argument column is dense and as long
    /// as <paramref name="groupIds"/>; groups below the last <see cref="EnsureGroups"/> count exist.
    /// </summary>
    public abstract void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments);

    /// <summary>
    /// Adds rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of the
    /// argument columns, which all belong to group <paramref name="group"/>: the path for partition-constant
    /// keys and for runs of sorted time buckets. Accumulators override it with span kernels; this fallback
    /// repeats the group id and calls <see cref="Update"/>, with the same result.
    /// </summary>
    public virtual void UpdateRun(int group, ReadOnlySpan<Column> arguments, int start, int length)
    {
        var ids = ArrayPool<int>.Shared.Rent(length);
        try
        {
            ids.AsSpan(0, length).Fill(group);
            var slices = new Column[arguments.Length];
            for (var a = 0; a < slices.Length; a++)
            {
                slices[a] = arguments[a].Slice(start, length);
            }

            Update(ids.AsSpan(0, length), slices);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ids);
        }
    }

    /// <summary>
    /// Merges another partial's exported state (columns of <see cref="AggregateKernel.StateTypes"/>): its
    /// group g is merged into this group <c>groupMap[g]</c>. Associative and commutative; an empty state is
    /// its identity.
    /// </summary>
    public abstract void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap);

    /// <summary>The intermediate state of groups [0, <paramref name="groupCount"/>) as columns of <see cref="AggregateKernel.StateTypes"/>.</summary>
    public abstract IReadOnlyList<Column> ExportState(int groupCount);

    /// <summary>The final value per group, a column of <see cref="AggregateKernel.ResultType"/>.</summary>
    public abstract Column Finalize(int groupCount);

    /// <summary>Grows <paramref name="array"/> to at least <paramref name="count"/> slots (doubling).</summary>
    protected static void Grow<T>(ref T[] array, int count)
    {
        if (array.Length < count)
        {
            Array.Resize(ref array, Math.Max(count, array.Length * 2));
        }
    }

    /// <summary>A validity bitmap marking the groups whose <paramref name="present"/> flag is false as NULL, or null if none.</summary>
    protected static byte[]? ValidityFrom(ReadOnlySpan<bool> present)
    {
        byte[]? validity = null;
        for (var g = 0; g < present.Length; g++)
        {
            if (!present[g])
            {
                validity ??= ValidityBitmap.Create(present.Length, allValid: true);
                ValidityBitmap.Set(validity, g, false);
            }
        }

        return validity;
    }

    /// <summary>The value of row <paramref name="row"/> of a BIGINT or DOUBLE column as a double.</summary>
    protected static double NumberAt(Column column, int row) =>
        column is DoubleColumn doubles ? doubles.Values[row] : ((Int64Column)column).Values[row];
}
