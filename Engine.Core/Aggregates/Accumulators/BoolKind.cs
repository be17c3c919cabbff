using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>BOOLEAN values, false before true.</summary>
internal readonly struct BoolKind : IValueKind<bool>
{
    public static bool Read(Column column, int row) => ((BoolColumn)column).GetValue(row);

    public static int Compare(bool left, bool right) => left.CompareTo(right);

    public static Column Build(bool[] values, byte[]? validity, DataType type) => BoolColumn.FromValues(values, validity);

    public static double ToDouble(bool value) => throw new InvalidOperationException("BOOLEAN values are not interpolated.");

    public static void AppendRange(List<bool> list, Column column, int start, int length)
    {
        var bools = (BoolColumn)column;
        for (var i = start; i < start + length; i++)
        {
            list.Add(bools.GetValue(i));
        }
    }

    public static void Sort(Span<bool> values) => values.Sort();
}
