using Engine.Core.Catalog;
using Engine.Core.Pipelines;
using Engine.Core.Planning;
using Engine.Schedulers.Local;

namespace Engine.Tests.Schedulers;

/// <summary>The local scheduler's mode follows DESIGN.md's table, and FragmentsInFlight for I/O-bound storage.</summary>
public class ModeSelectionTests
{
    private static QueryFragment[] Fragments(int count, long rowsEach)
    {
        var plan = new FragmentPlan("t", [], [], new AggregateSink([], []));
        return Enumerable.Range(0, count)
            .Select(i => new QueryFragment(Guid.Empty, i, plan, [new PartitionScan("t", $"p{i}", [], 0, rowsEach)]))
            .ToArray();
    }

    private static string Mode(LocalSchedulerOptions options, int fragments, long rowsEach) =>
        new LocalQueryScheduler(options).Describe(Fragments(fragments, rowsEach)).Mode;

    [Test]
    public void OneThread_IsSerial() =>
        Assert.That(Mode(new LocalSchedulerOptions { MaxThreads = 1 }, 8, 1_000_000), Is.EqualTo(LocalModes.Serial));

    [Test]
    public void FewRows_IsSerial() =>
        Assert.That(Mode(new LocalSchedulerOptions { MaxThreads = 4, SerialThresholdRows = 1_000 }, 8, 100), Is.EqualTo(LocalModes.Serial));

    [Test]
    public void AtLeastAsManyFragmentsAsThreads_IsPartition() =>
        Assert.That(Mode(new LocalSchedulerOptions { MaxThreads = 4, SerialThresholdRows = 0 }, 4, 10), Is.EqualTo(LocalModes.Partition));

    [Test]
    public void FewerFragmentsThanThreads_IsChunked() =>
        Assert.That(Mode(new LocalSchedulerOptions { MaxThreads = 4, SerialThresholdRows = 0 }, 1, 10_000), Is.EqualTo(LocalModes.Chunked));

    [Test]
    public void FragmentsInFlightAboveThreads_IsPartitionEvenForFewRows()
    {
        var decision = new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 2, FragmentsInFlight = 16 }).Describe(Fragments(64, 100));
        Assert.That(decision.Mode, Is.EqualTo(LocalModes.Partition));
        Assert.That(decision.Parallelism, Is.EqualTo(16));
        Assert.That(decision.Reason, Does.Contain("16 in flight for I/O-bound storage on 2 threads"));
    }

    [Test]
    public void PartitionWithEvenFragments_KeepsThemWhole()
    {
        var decision = new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 2, SerialThresholdRows = 0, ChunkRows = 1_000 }).Describe(Fragments(3, 2_500));
        Assert.That(decision.Tasks, Is.EqualTo(3));
        Assert.That(decision.Reason, Is.EqualTo("3 fragments for 2 threads"));
    }

    [Test]
    public void PartitionWithAFragmentAboveAThreadsShare_SplitsItAndSaysSo()
    {
        var fragments = Fragments(3, 100);
        fragments[1] = fragments[1] with { Scans = [fragments[1].Scans[0] with { RowCount = 10_000 }] };
        var decision = new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 2, SerialThresholdRows = 0, ChunkRows = 1_000 }).Describe(fragments);
        Assert.That(decision.Mode, Is.EqualTo(LocalModes.Partition));
        Assert.That(decision.Tasks, Is.EqualTo(12));
        Assert.That(decision.Reason, Is.EqualTo("3 fragments for 2 threads: 1 above 5,100 rows (a thread's share) split into tasks of 1,000 rows, 12 tasks"));
    }
}
