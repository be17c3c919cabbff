namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// A DDSketch (Masson, Rim and Lee, VLDB 2019) of one group's values with relative accuracy
/// <see cref="RelativeAccuracy"/> = 1%: a positive value x falls in bucket k = ⌈log_γ x⌉ with
/// γ = (1 + α) / (1 − α), negative values in the mirrored buckets of |x|, zeros in their own count; each bucket
/// keeps a count. The q-quantile answered is within α·|v| of the value v at rank ⌊q·(n − 1)⌋ of the sorted
/// values, however the values were split and merged, because merging adds counts (exact, commutative and
/// associative). Not thread-safe.
/// </summary>
internal sealed class RelativeErrorSketch
{
    /// <summary>The relative accuracy α of every answer.</summary>
    public const double RelativeAccuracy = 0.01;

    /// <summary>The state tag of a bucket of negative values.</summary>
    public const long NegativeTag = 0;

    /// <summary>The state tag of the zero count.</summary>
    public const long ZeroTag = 1;

    /// <summary>The state tag of a bucket of positive values.</summary>
    public const long PositiveTag = 2;

    private static readonly double s_gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double s_logGamma = Math.Log(s_gamma);

    private readonly Dictionary<int, long> _positive = [];
    private readonly Dictionary<int, long> _negative = [];
    private long _zeros;

    /// <summary>The number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a finite value.</summary>
    public void Add(double value)
    {
        if (value > 0)
        {
            Add(_positive, Key(value), 1);
        }
        else if (value < 0)
        {
            Add(_negative, Key(-value), 1);
        }
        else
        {
            _zeros++;
        }

        Count++;
    }

    /// <summary>Adds <paramref name="count"/> values of the bucket <paramref name="bucket"/> (as <see cref="Buckets"/> encodes it).</summary>
    /// <exception cref="ArgumentException">The bucket or the count is not valid.</exception>
    public void AddBucket(long bucket, long count)
    {
        var tag = bucket & 3;
        var key = bucket >> 2;
        if (count <= 0 || tag > PositiveTag || key is < int.MinValue or > int.MaxValue || (tag == ZeroTag && key != 0))
        {
            throw new ArgumentException($"A sketch bucket {bucket} with count {count} is not valid.", nameof(bucket));
        }

        switch (tag)
        {
            case PositiveTag:
                Add(_positive, (int)key, count);
                break;
            case NegativeTag:
                Add(_negative, (int)key, count);
                break;
            default:
                _zeros += count;
                break;
        }

        Count += count;
    }

    /// <summary>The non-empty buckets as (key · 4 + tag, count).</summary>
    public IEnumerable<(long Bucket, long Count)> Buckets()
    {
        foreach (var (key, count) in _negative)
        {
            yield return (((long)key << 2) | NegativeTag, count);
        }

        if (_zeros > 0)
        {
            yield return (ZeroTag, _zeros);
        }

        foreach (var (key, count) in _positive)
        {
            yield return (((long)key << 2) | PositiveTag, count);
        }
    }

    /// <summary>The estimated <paramref name="fraction"/>-quantile (fraction in [0, 1]); the sketch must not be empty.</summary>
    public double Quantile(double fraction)
    {
        var rank = (long)Math.Floor(fraction * (Count - 1));
        long seen = 0;
        foreach (var key in _negative.Keys.Order().Reverse())
        {
            seen += _negative[key];
            if (seen > rank)
            {
                return -Value(key);
            }
        }

        seen += _zeros;
        if (seen > rank)
        {
            return 0;
        }

        var last = 0.0;
        foreach (var key in _positive.Keys.Order())
        {
            seen += _positive[key];
            last = Value(key);
            if (seen > rank)
            {
                break;
            }
        }

        return last;
    }

    private static int Key(double magnitude) => (int)Math.Ceiling(Math.Log(magnitude) / s_logGamma);

    // The point of (γ^(k−1), γ^k] whose relative distance to either end is α.
    private static double Value(int key) => 2 * Math.Exp(key * s_logGamma) / (s_gamma + 1);

    private static void Add(Dictionary<int, long> buckets, int key, long count) => buckets[key] = buckets.GetValueOrDefault(key) + count;
}
