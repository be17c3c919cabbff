namespace Engine.Core.Generators;

/// <summary>
/// A small, seedable pseudo-random generator whose sequence is part of the data generators' contract:
/// xoshiro256** (Blackman and Vigna) seeded through SplitMix64 from a seed and a stream number, so every
/// partition of a generated table can draw from its own independent stream and be generated alone.
/// <see cref="System.Random"/> is not used because its sequence may change between .NET versions.
/// Not thread-safe: one instance per generating thread.
/// </summary>
public sealed class DeterministicRandom
{
    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Creates the generator for <paramref name="seed"/> and <paramref name="stream"/>; equal arguments give equal sequences.</summary>
    public DeterministicRandom(ulong seed, ulong stream = 0)
    {
        var state = seed ^ Mix(stream + 0x6A09E667F3BCC909UL);
        _s0 = NextSplitMix64(ref state);
        _s1 = NextSplitMix64(ref state);
        _s2 = NextSplitMix64(ref state);
        _s3 = NextSplitMix64(ref state);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            // The all-zero state is the one xoshiro never leaves; SplitMix64 practically never yields it.
            _s0 = 1;
        }
    }

    private DeterministicRandom(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * TwoToMinus53;

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's method).</summary>
    public long NextInt64(long maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var range = (ulong)maxExclusive;
        var high = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return (long)high;
    }

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt32(int maxExclusive) => (int)NextInt64(maxExclusive);

    /// <summary>A standard normal draw N(0, 1) by the Box-Muller transform; draws come in pairs, the second is kept for the next call.</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        // 1 - u lies in (0, 1], so the logarithm is finite.
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
        var angle = 2.0 * Math.PI * NextDouble();
        _spareNormal = radius * Math.Sin(angle);
        _hasSpareNormal = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>A generator with the raw xoshiro256** state, for checking the core against the reference vectors.</summary>
    internal static DeterministicRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3) => new(s0, s1, s2, s3);

    private static ulong NextSplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
