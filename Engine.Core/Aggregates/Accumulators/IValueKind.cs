using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// How an accumulator that keeps values (quantiles, mode) reads, orders and writes values of one physical
/// kind; implemented by empty structs so that generic accumulators specialize per kind without virtual calls.
/// </summary>
/// <typeparam name="T">The managed value type.</typeparam>
internal interface IValueKind<T>
{
    /// <summary>The value at <paramref name="row"/> of a non-NULL slot of <paramref name="column"/>.</summary>
    static abstract T Read(Column column, int row);

    /// <summary>DuckDB's order of the values (doubles: NaN above every number, -0 equal to +0).</summary>
    static abstract int Compare(T left, T right);

    /// <summary>A column of <paramref name="type"/> holding <paramref name="values"/>.</summary>
    static abstract Column Build(T[] values, byte[]? validity, DataType type);

    /// <summary>The value as a double, for interpolation (numbers and timestamps only).</summary>
    static abstract double ToDouble(T value);

    /// <summary>Appends rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>) of <paramref name="column"/>, none of them NULL.</summary>
    static abstract void AppendRange(List<T> list, Column column, int start, int length);

    /// <summary>Sorts <paramref name="values"/> in the order of <see cref="Compare"/>.</summary>
    static abstract void Sort(Span<T> values);
}
