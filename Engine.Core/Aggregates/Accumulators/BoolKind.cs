using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>BOOLEAN values, false before true.</summary>
internal readonly struct BoolKind : IValueKind<bool>
{
    public static bool Read(Column column, int row) => ((BoolColumn)column).GetValue(row);

    public static int Compare(bool left, bool right) => left.CompareTo(right);

    public static Column Build(bool[] values, byte[]? validity, DataType type) => BoolColumn.FromValues(values, validity);

    public static double ToDouble(bool value) => throw new InvalidOperationException("BOOLEAN values are not interpolated.");
}
