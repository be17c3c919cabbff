using Engine.Core.Aggregates;

namespace Engine.Tests.Aggregates;

/// <summary>The vectorized span kernels agree with a plain loop at every length around the vector widths.</summary>
[TestFixture]
public sealed class SpanKernelTests
{
    private static readonly int[] s_lengths = [0, 1, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 100, 1000, 65_536];
    private static readonly int[] s_nonEmptyLengths = [.. s_lengths.Where(length => length > 0)];

    [TestCaseSource(nameof(s_lengths))]
    public void SumWeighted_MatchesAScalarLoop(int length)
    {
        var random = new Random(length);
        var prices = Enumerable.Range(0, length).Select(_ => 100 + (random.NextDouble() * 50)).ToArray();
        var volumes = Enumerable.Range(0, length).Select(_ => (long)random.Next(1, 10_000)).ToArray();
        double expectedWeighted = 0;
        double expectedVolume = 0;
        for (var i = 0; i < length; i++)
        {
            expectedWeighted += prices[i] * volumes[i];
            expectedVolume += volumes[i];
        }

        var (weighted, volume) = SpanKernels.SumWeighted(prices, volumes);

        // Lanes add in another order than the loop: equal within a relative 1e-12.
        Assert.That(weighted, Is.EqualTo(expectedWeighted).Within(Math.Abs(expectedWeighted) * 1e-12));
        Assert.That(volume, Is.EqualTo(expectedVolume), "integral volumes below 2^53 add exactly in any order");
    }

    [TestCaseSource(nameof(s_nonEmptyLengths))]
    public void ExtremeNative_WithoutNaN_MatchesTheScalarMaxAndMin(int length)
    {
        var random = new Random(length);
        var values = Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * 1e6).ToArray();

        var max = SpanKernels.ExtremeNative(values, maximum: true, out var maxNaN);
        var min = SpanKernels.ExtremeNative(values, maximum: false, out var minNaN);

        Assert.That((max, maxNaN), Is.EqualTo((values.Max(), false)));
        Assert.That((min, minNaN), Is.EqualTo((values.Min(), false)));
    }

    [TestCase(0)]
    [TestCase(9)]
    [TestCase(500)]
    [TestCase(999)]
    public void ExtremeNative_NaNAnywhere_IsReported(int position)
    {
        var values = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
        values[position] = double.NaN;

        SpanKernels.ExtremeNative(values, maximum: true, out var maxNaN);
        SpanKernels.ExtremeNative(values, maximum: false, out var minNaN);

        Assert.That((maxNaN, minNaN), Is.EqualTo((true, true)));
    }
}
