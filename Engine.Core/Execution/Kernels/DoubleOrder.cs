namespace Engine.Core.Execution.Kernels;

/// <summary>DuckDB's total order on doubles: NaN above every number and equal to itself; -0 equal to +0.</summary>
internal static class DoubleOrder
{
    /// <summary>Negative, zero or positive as <paramref name="left"/> sorts before, with or after <paramref name="right"/>.</summary>
    public static int Compare(double left, double right)
    {
        if (double.IsNaN(left))
        {
            return double.IsNaN(right) ? 0 : 1;
        }

        if (double.IsNaN(right))
        {
            return -1;
        }

        return left.CompareTo(right);
    }
}
