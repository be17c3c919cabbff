using Engine.Core.Generators;

namespace Engine.Tests.Generators;

public sealed class DeterministicRandomTests
{
    private static readonly ulong[] s_expectedFirstOutputs = [11473194020184078948, 11198014053841234510, 1203651886108368461];

    [Test]
    public void NextUInt64_SameSeedAndStream_SameSequence()
    {
        var a = new DeterministicRandom(7, 3);
        var b = new DeterministicRandom(7, 3);
        for (var i = 0; i < 100; i++)
        {
            Assert.That(a.NextUInt64(), Is.EqualTo(b.NextUInt64()));
        }
    }

    [Test]
    public void NextUInt64_DifferentStream_DifferentSequence()
    {
        var a = new DeterministicRandom(7, 3);
        var b = new DeterministicRandom(7, 4);
        Assert.That(Enumerable.Range(0, 4).Select(_ => a.NextUInt64()), Is.Not.EqualTo(Enumerable.Range(0, 4).Select(_ => b.NextUInt64())));
    }

    [Test]
    public void NextUInt64_ReferenceState_MatchesReferenceOutputs()
    {
        // The reference implementation's outputs from state {1, 2, 3, 4}.
        var random = DeterministicRandom.FromState(1, 2, 3, 4);
        var outputs = new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64(), random.NextUInt64() };
        Assert.That(outputs, Is.EqualTo(new ulong[] { 11520, 0, 1509978240, 1215971899390074240 }));
    }

    [Test]
    public void NextUInt64_FixedSeed_SequenceIsStableAcrossVersions()
    {
        // The generated tables are a contract: this pins the first outputs of seed 42, stream 0 (checked against
        // an independent implementation of the same seeding and xoshiro256** steps).
        var random = new DeterministicRandom(42);
        var first = new[] { random.NextUInt64(), random.NextUInt64(), random.NextUInt64() };
        Assert.That(first, Is.EqualTo(s_expectedFirstOutputs));
    }

    [Test]
    public void NextInt64_ManyDraws_StayInRangeAndHitBothEnds()
    {
        var random = new DeterministicRandom(1);
        var seen = new bool[10];
        for (var i = 0; i < 10_000; i++)
        {
            var value = random.NextInt64(10);
            Assert.That(value, Is.InRange(0, 9));
            seen[value] = true;
        }

        Assert.That(seen, Is.All.True);
    }

    [Test]
    public void NextInt64_ZeroRange_Throws()
    {
        var random = new DeterministicRandom(1);
        Assert.That(() => random.NextInt64(0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void NextDouble_ManyDraws_InUnitInterval()
    {
        var random = new DeterministicRandom(2);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.That(random.NextDouble(), Is.GreaterThanOrEqualTo(0).And.LessThan(1));
        }
    }

    [Test]
    public void NextNormal_ManyDraws_HaveStandardMoments()
    {
        var random = new DeterministicRandom(3);
        const int n = 200_000;
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < n; i++)
        {
            var z = random.NextNormal();
            sum += z;
            sumSquares += z * z;
        }

        var mean = sum / n;
        var variance = (sumSquares / n) - (mean * mean);
        Assert.Multiple(() =>
        {
            Assert.That(mean, Is.EqualTo(0).Within(0.01));
            Assert.That(variance, Is.EqualTo(1).Within(0.02));
        });
    }
}
