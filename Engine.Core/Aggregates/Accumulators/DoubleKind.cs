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
}
