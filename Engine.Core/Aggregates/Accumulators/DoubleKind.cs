using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>DOUBLE values, ordered as DuckDB orders them.</summary>
internal readonly struct DoubleKind : IValueKind<double>
{
    public static double Read(Column column, int row) => ((DoubleColumn)column).Values[row];

    public static int Compare(double left, double right) => DoubleOrder.Compare(left, right);

    public static Column Build(double[] values, byte[]? validity, DataType type) => new DoubleColumn(values, validity);

    public static double ToDouble(double value) => value;

    public static void AppendRange(List<double> list, Column column, int start, int length) => list.AddRange(((DoubleColumn)column).Values.Slice(start, length));

    // The runtime's order puts NaN first; DuckDB's puts it last.
    public static void Sort(Span<double> values)
    {
        values.Sort();
        var nans = 0;
        while (nans < values.Length && double.IsNaN(values[nans]))
        {
            nans++;
        }

        if (nans > 0)
        {
            values[nans..].CopyTo(values);
            values[^nans..].Fill(double.NaN);
        }
    }
}
