using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>BIGINT, TIMESTAMP and INTERVAL values (int64 storage).</summary>
internal readonly struct Int64Kind : IValueKind<long>
{
    public static long Read(Column column, int row) => ((Int64Column)column).Values[row];

    public static int Compare(long left, long right) => left.CompareTo(right);

    public static Column Build(long[] values, byte[]? validity, DataType type) => new Int64Column(values, validity, type);

    public static double ToDouble(long value) => value;

    public static void AppendRange(List<long> list, Column column, int start, int length) => list.AddRange(((Int64Column)column).Values.Slice(start, length));

    public static void Sort(Span<long> values) => values.Sort();
}
