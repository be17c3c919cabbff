using Engine.Core.Execution;
using Engine.Tests.Support;

namespace Engine.Tests.Execution;

/// <summary>A worker-local session over several fragments equals merging one partial per fragment.</summary>
[TestFixture]
public sealed class FragmentSessionTests
{
    [TestCase("SELECT symbol, count(*), sum(volume), first(price), last(price), max(ts) FROM trades GROUP BY symbol")]
    [TestCase("SELECT count(*), avg(price), stddev_pop(price) FROM trades")]
    public async Task SessionOverAllFragments_EqualsMergedPerFragmentPartials(string sql)
    {
        var catalog = TestTables.SmallTrades();
        var planned = await TestEngines.Local(catalog).PlanAsync(sql);
        var executor = new FragmentExecutor(catalog);

        var separate = new List<PartialResult>();
        foreach (var fragment in planned.Fragments)
        {
            separate.Add(await executor.ExecuteAsync(fragment, CancellationToken.None));
        }

        using var session = executor.Begin(planned.Fragments[0].Plan);
        foreach (var fragment in planned.Fragments)
        {
            await session.AddAsync(fragment, CancellationToken.None);
        }

        var merged = PartialMerger.Merge(separate);
        var together = session.ToPartial();

        Assert.That(together.RowsScanned, Is.EqualTo(merged.RowsScanned));
        Assert.That(Describe(together), Is.EquivalentTo(Describe(merged)));
    }

    [Test]
    public async Task TopN_KeepsOnlyTheBestRowsAcrossFragments()
    {
        var catalog = TestTables.SmallTrades();
        var planned = await TestEngines.Local(catalog).PlanAsync("SELECT ts, price FROM trades ORDER BY price DESC LIMIT 3");
        var executor = new FragmentExecutor(catalog);

        using var session = executor.Begin(planned.Fragments[0].Plan);
        foreach (var fragment in planned.Fragments)
        {
            await session.AddAsync(fragment, CancellationToken.None);
        }

        var rows = ((RowPartial)session.ToPartial()).Rows;
        Assert.That(Enumerable.Range(0, rows.RowCount).Select(r => rows.Columns[1].GetScalar(r).DoubleValue), Is.EquivalentTo(new[] { 30.0, 21.0, 20.0 }));
    }

    [Test]
    public async Task FragmentOfAnotherPlan_IsRejected()
    {
        var catalog = TestTables.SmallTrades();
        var engine = TestEngines.Local(catalog);
        var executor = new FragmentExecutor(catalog);
        using var session = executor.Begin((await engine.PlanAsync("SELECT count(*) FROM trades")).Fragments[0].Plan);

        var other = (await engine.PlanAsync("SELECT sum(volume) FROM trades")).Fragments[0];

        Assert.That(async () => await session.AddAsync(other, CancellationToken.None), Throws.ArgumentException);
    }

    // Every group as text, keys and finalized values, so two partials compare regardless of group order.
    private static IEnumerable<string> Describe(PartialResult result)
    {
        var partial = (GroupPartial)result;
        var columns = PartialMerger.Finalize(partial);
        return Enumerable.Range(0, partial.GroupCount).Select(g => string.Join("|", columns.Select(c => c.GetScalar(g).ToString())));
    }
}
