using Engine.Core.Columns;
using Engine.Core.Generators;

namespace Engine.Tests.Generators;

/// <summary>Reads generated partitions back as plain arrays for assertions.</summary>
internal static class GeneratedData
{
    public static long[] Int64s(GeneratedPartition partition, string column) =>
        [.. partition.Batches.SelectMany(b => ((Int64Column)b[column]).Values.ToArray())];

    public static double[] Doubles(GeneratedPartition partition, string column) =>
        [.. partition.Batches.SelectMany(b => ((DoubleColumn)b[column]).Values.ToArray())];

    public static string[] Strings(GeneratedPartition partition, string column) =>
        [.. partition.Batches.SelectMany(b => Enumerable.Range(0, b.RowCount).Select(((StringColumn)b[column]).GetValue))];

    public static bool StrictlyIncreasing(long[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] <= values[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
