namespace Engine.Bench.Runner;

/// <summary>The timings of one query over the measured repetitions.</summary>
/// <param name="MedianMs">Median wall time, milliseconds.</param>
/// <param name="MinMs">Fastest repetition.</param>
/// <param name="MaxMs">Slowest repetition.</param>
/// <param name="Rows">Result rows.</param>
public sealed record QueryTiming(double MedianMs, double MinMs, double MaxMs, long Rows)
{
    /// <summary>Summarizes <paramref name="samples"/> (milliseconds, at least one).</summary>
    public static QueryTiming From(IReadOnlyList<double> samples, long rows)
    {
        var sorted = samples.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new QueryTiming(median, sorted[0], sorted[^1], rows);
    }
}
