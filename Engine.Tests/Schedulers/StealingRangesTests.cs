using Engine.Schedulers.Local;

namespace Engine.Tests.Schedulers;

/// <summary>
/// Range-splitting work stealing hands out every index exactly once: alone, under real concurrency, and
/// when a worker stops taking (its remaining range is stolen by the others).
/// </summary>
public class StealingRangesTests
{
    private static List<int> Drain(StealingRanges ranges, int worker)
    {
        var taken = new List<int>();
        while (ranges.TryTake(worker, out var index))
        {
            taken.Add(index);
        }

        return taken;
    }

    [Test]
    public void Create_DealsContiguousRangesInWorkerOrder()
    {
        var ranges = new StealingRanges(10, 3);
        Assert.That(ranges.TryTake(0, out var first), Is.True);
        Assert.That(ranges.TryTake(1, out var second), Is.True);
        Assert.That(ranges.TryTake(2, out var third), Is.True);
        Assert.That(new[] { first, second, third }, Is.EqualTo(new[] { 0, 3, 6 }));
    }

    [Test]
    public void TryTake_OwnRangeEmpty_StealsTheBackHalfOfAnother()
    {
        var ranges = new StealingRanges(8, 2);
        Assert.That(Enumerable.Range(0, 4).Select(_ => ranges.TryTake(1, out var i) ? i : -1), Is.EqualTo(new[] { 4, 5, 6, 7 }));

        Assert.That(ranges.TryTake(1, out var stolen), Is.True);
        Assert.That(stolen, Is.EqualTo(2), "worker 1 stole [2, 4) from worker 0's [0, 4)");
        Assert.That(ranges.TryTake(1, out var next), Is.True);
        Assert.That(next, Is.EqualTo(3), "the rest of the stolen half became worker 1's own range");
        Assert.That(Drain(ranges, 0), Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void TryTake_StealsFromTheLargestRange()
    {
        var ranges = new StealingRanges(12, 3);
        for (var i = 0; i < 3; i++)
        {
            ranges.TryTake(0, out _);
        }

        // Worker 0 holds [3, 4), worker 1 [4, 8): after its own [8, 12), worker 2 steals from worker 1 first.
        Assert.That(Drain(ranges, 2), Is.EqualTo(new[] { 8, 9, 10, 11, 6, 7, 5, 3, 4 }));
        Assert.That(ranges.TryTake(0, out _), Is.False);
    }

    [Test]
    public void TryTake_NoIndices_ReturnsFalse()
    {
        var ranges = new StealingRanges(0, 4);
        Assert.That(ranges.TryTake(0, out _), Is.False);
        Assert.That(ranges.TryTake(3, out _), Is.False);
    }

    [Test]
    public void TryTake_OneIndexManyWorkers_HandsItOutOnce()
    {
        var ranges = new StealingRanges(1, 4);
        var taken = Enumerable.Range(0, 4).SelectMany(w => Drain(ranges, w)).ToList();
        Assert.That(taken, Is.EqualTo(new[] { 0 }));
    }

    [Test]
    public void TryTake_FewerIndicesThanWorkers_EmptyWorkersSteal()
    {
        var ranges = new StealingRanges(3, 8);
        var first = Drain(ranges, 0);
        Assert.That(first, Is.EquivalentTo(new[] { 0, 1, 2 }), "worker 0 was dealt nothing and stole all three");
        Assert.That(Enumerable.Range(1, 7).SelectMany(w => Drain(ranges, w)), Is.Empty);
    }

    [Test]
    public void Create_BadArguments_Throw()
    {
        Assert.That(() => new StealingRanges(-1, 2), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new StealingRanges(5, 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void TryTake_ManyThreadsManyRuns_EveryIndexExactlyOnce()
    {
        var random = new Random(20261121);
        for (var run = 0; run < 200; run++)
        {
            var count = random.Next(0, 2_000);
            var workers = random.Next(1, 9);
            var spin = random.Next(0, 50);
            var ranges = new StealingRanges(count, workers);
            var taken = new List<int>[workers];
            using var start = new Barrier(workers);
            var threads = new Thread[workers];
            for (var w = 0; w < workers; w++)
            {
                var worker = w;
                taken[w] = [];
                threads[w] = new Thread(() =>
                {
                    start.SignalAndWait();
                    while (ranges.TryTake(worker, out var index))
                    {
                        taken[worker].Add(index);
                        // Uneven work per index, so workers run dry at different times and steal.
                        Thread.SpinWait(spin * (1 + (index % 7)));
                    }
                });
                threads[w].Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            var seen = new int[count];
            foreach (var list in taken)
            {
                foreach (var index in list)
                {
                    seen[index]++;
                }
            }

            Assert.That(seen, Is.All.EqualTo(1), $"run {run}: {count} indices over {workers} workers");
        }
    }

    [Test]
    public void TryTake_BlockedWorker_OthersTakeItsRemainingRange()
    {
        const int Count = 1_000;
        const int Workers = 4;
        var ranges = new StealingRanges(Count, Workers);
        using var gate = new ManualResetEventSlim(false);
        using var holding = new ManualResetEventSlim(false);
        var blockedTook = new List<int>();
        var blocked = new Thread(() =>
        {
            ranges.TryTake(0, out var first);
            blockedTook.Add(first);
            holding.Set();
            gate.Wait();
            while (ranges.TryTake(0, out var index))
            {
                blockedTook.Add(index);
            }
        });
        blocked.Start();
        holding.Wait();

        var others = new List<int>[Workers - 1];
        var threads = new Thread[Workers - 1];
        for (var w = 1; w < Workers; w++)
        {
            var worker = w;
            others[w - 1] = [];
            threads[w - 1] = new Thread(() =>
            {
                while (ranges.TryTake(worker, out var index))
                {
                    others[worker - 1].Add(index);
                }
            });
            threads[w - 1].Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.That(ranges.Remaining, Is.Zero, "the other workers finished while worker 0 was held");
        gate.Set();
        blocked.Join();
        Assert.That(blockedTook, Is.EqualTo(new[] { 0 }), "worker 0 found nothing left when released");
        Assert.That(others.SelectMany(o => o).Order(), Is.EqualTo(Enumerable.Range(1, Count - 1)));
    }
}
