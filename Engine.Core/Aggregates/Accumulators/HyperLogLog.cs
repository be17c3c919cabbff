using System.Numerics;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// The HyperLogLog sketch behind approx_count_distinct: m = 2^12 = 4096 one-byte registers fed with 64-bit
/// hashes (the top 12 bits pick the register, the rank of the remaining 52 bits is stored, max kept). The
/// estimate uses Ertl's improved estimator (arXiv:1702.01284), which needs no bias tables and keeps the
/// relative standard error near 1.04 / √m ≈ 1.6% from small to large cardinalities. Registers merge by
/// maximum, so the sketch of a set does not depend on the order or grouping of its values. The hashes are
/// fixed functions of the value (no per-process seed), so coordinator and workers agree. Stateless and thread-safe.
/// </summary>
internal static class HyperLogLog
{
    /// <summary>The number of index bits.</summary>
    public const int IndexBits = 12;

    /// <summary>The number of registers.</summary>
    public const int Registers = 1 << IndexBits;

    /// <summary>The largest rank a register can hold (52 hash bits all zero).</summary>
    public const int MaxRank = 64 - IndexBits + 1;

    /// <summary>The relative standard error of an estimate, 1.04 / √m.</summary>
    public static readonly double StandardError = 1.04 / Math.Sqrt(Registers);

    /// <summary>Adds a hashed value to <paramref name="registers"/> (<see cref="Registers"/> long).</summary>
    public static void Add(Span<byte> registers, ulong hash)
    {
        var index = (int)(hash >> (64 - IndexBits));
        var rest = hash << IndexBits;
        var rank = (byte)(rest == 0 ? MaxRank : BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > registers[index])
        {
            registers[index] = rank;
        }
    }

    /// <summary>The estimated number of distinct values added to <paramref name="registers"/>.</summary>
    public static double Estimate(ReadOnlySpan<byte> registers)
    {
        Span<int> histogram = stackalloc int[MaxRank + 1];
        foreach (var rank in registers)
        {
            histogram[rank]++;
        }

        const double m = Registers;
        var z = m * Tau(1 - (histogram[MaxRank] / m));
        for (var k = MaxRank - 1; k >= 1; k--)
        {
            z = 0.5 * (z + histogram[k]);
        }

        z += m * Sigma(histogram[0] / m);
        return m * m / (2 * Math.Log(2) * z);
    }

    /// <summary>A 64-bit hash of an integer (SplitMix64's finalizer: every input bit affects every output bit).</summary>
    public static ulong Hash(long value)
    {
        var z = unchecked((ulong)value + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A 64-bit hash of a double; -0 hashes as +0 and every NaN alike, since they are one value in DuckDB.</summary>
    public static ulong Hash(double value) =>
        Hash(BitConverter.DoubleToInt64Bits(double.IsNaN(value) ? double.NaN : value == 0 ? 0.0 : value));

    /// <summary>A 64-bit hash of a string's UTF-16 code units (FNV-1a, then mixed).</summary>
    public static ulong Hash(string value)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in value)
        {
            hash = unchecked((hash ^ c) * 0x100000001B3UL);
        }

        return Hash(unchecked((long)hash));
    }

    // σ(x) = x + Σ_{k≥1} x^(2^k) · 2^(k−1)
    private static double Sigma(double x)
    {
        if (x == 1)
        {
            return double.PositiveInfinity;
        }

        var y = 1.0;
        var z = x;
        double previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (z != previous);

        return z;
    }

    // τ(x) = (1 − x − Σ_{k≥1} (1 − x^(2^−k))² · 2^−k) / 3
    private static double Tau(double x)
    {
        if (x == 0 || x == 1)
        {
            return 0;
        }

        var y = 1.0;
        var z = 1 - x;
        double previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        }
        while (z != previous);

        return z / 3;
    }
}
