namespace Engine.Core.Execution;

/// <summary>
/// The rows of a batch that an operator passes on: all of them, or an ascending list of row indexes held
/// in a buffer owned by whoever produced it (valid until that producer runs again). A small value; copy
/// it freely.
/// </summary>
internal readonly struct Selection
{
    private readonly int[]? _rows;

    private Selection(int[]? rows, int count)
    {
        _rows = rows;
        Count = count;
    }

    /// <summary>The number of selected rows.</summary>
    public int Count { get; }

    /// <summary>True when every row of the batch is selected (no index list).</summary>
    public bool IsAll => _rows is null;

    /// <summary>The selected row indexes; empty when <see cref="IsAll"/>.</summary>
    public ReadOnlySpan<int> Rows => _rows is null ? default : _rows.AsSpan(0, Count);

    /// <summary>The index of the <paramref name="i"/>-th selected row.</summary>
    public int this[int i] => _rows is null ? i : _rows[i];

    /// <summary>Every one of <paramref name="count"/> rows.</summary>
    public static Selection All(int count) => new(null, count);

    /// <summary>The first <paramref name="count"/> indexes of <paramref name="rows"/> (ascending).</summary>
    public static Selection Of(int[] rows, int count) => new(rows, count);

    /// <summary>True when the selected rows are one contiguous run (a time range over sorted rows), with its start.</summary>
    public bool IsContiguous(out int start)
    {
        if (_rows is null)
        {
            start = 0;
            return true;
        }

        start = Count == 0 ? 0 : _rows[0];
        return Count == 0 || _rows[Count - 1] - start + 1 == Count;
    }
}
