using Engine.Core.Catalog;
using Engine.Core.Pipelines;
using Engine.Core.Planning;
using Engine.Schedulers.Local;

namespace Engine.Tests.Schedulers;

/// <summary>PARTITION's bounded tasks: small fragments stay whole, large ones are cut into row ranges that cover them exactly.</summary>
public class FragmentPiecesTests
{
    private static readonly FragmentPlan s_plan = new("t", [], [], new AggregateSink([], []));

    private static QueryFragment Fragment(int id, params (long Start, long Rows)[] scans) =>
        new(Guid.Empty, id, s_plan, scans.Select(s => new PartitionScan("t", $"p{id}", [], s.Start, s.Rows)).ToArray());

    [Test]
    public void SplitLarge_FragmentsWithinTheLimit_StayWhole()
    {
        var fragments = new[] { Fragment(0, (0, 100)), Fragment(1, (0, 50), (80, 50)) };
        var pieces = FragmentSplitter.SplitLarge(fragments, 100, 100);
        Assert.That(pieces, Has.Count.EqualTo(2));
        Assert.That(pieces.SplitFragments, Is.Zero);
        Assert.That(pieces[1].Scans, Is.EqualTo(fragments[1].Scans));
    }

    [Test]
    public void SplitLarge_LargeFragment_IsCutIntoRangesThatCoverItExactly()
    {
        var fragments = new[] { Fragment(0, (0, 10)), Fragment(1, (100, 250), (1_000, 30)), Fragment(2, (0, 5)) };
        var pieces = FragmentSplitter.SplitLarge(fragments, 100, 100);

        var ranges = pieces.Select(p => (p.Scans.Single().PartitionId, p.Scans.Single().RowStart, p.Scans.Single().RowCount)).ToArray();
        Assert.That(ranges, Is.EqualTo(new[]
        {
            ("p0", 0L, 10L), ("p1", 100L, 100L), ("p1", 200L, 100L), ("p1", 300L, 50L), ("p1", 1_000L, 30L), ("p2", 0L, 5L),
        }));
        Assert.That(pieces.SplitFragments, Is.EqualTo(1));
        Assert.That(pieces.Select(p => p.FragmentId), Is.EqualTo(Enumerable.Range(0, 6)), "task ids stay unique within the query");
    }

    [Test]
    public void SplitLarge_PiecesSmallerThanTheThreshold_CutOnlyTheFragmentsAboveIt()
    {
        var fragments = new[] { Fragment(0, (0, 300)), Fragment(1, (0, 900)) };
        var pieces = FragmentSplitter.SplitLarge(fragments, 500, 250);
        Assert.That(pieces.Select(p => p.Scans.Single().RowCount), Is.EqualTo(new[] { 300L, 250L, 250L, 250L, 150L }));
    }

    [Test]
    public void SplitLarge_HugeFragment_PiecesGrowSoTheTaskCountStaysBounded()
    {
        var pieces = FragmentSplitter.SplitLarge([Fragment(0, (0, long.MaxValue / 4))], 1_000, 1_000);
        Assert.That(pieces.Count, Is.LessThanOrEqualTo(FragmentPieces.MaxTasks));
        Assert.That(pieces[pieces.Count - 1].Scans.Single().RowStart + pieces[pieces.Count - 1].Scans.Single().RowCount, Is.EqualTo(long.MaxValue / 4));
    }

    [Test]
    public void SplitLarge_NoFragments_IsEmpty() =>
        Assert.That(FragmentSplitter.SplitLarge([], 10, 10), Is.Empty);
}
