using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Core.Pipelines;
using Engine.Core.Planning;
using Engine.Core.Scheduling;
using Engine.Schedulers.Local;
using Engine.Tests.Support;

namespace Engine.Tests.Pipelines;

/// <summary>What the planner puts in fragments and what after gather, and how EXPLAIN shows it.</summary>
public sealed class PipelineShapeTests
{
    [Test]
    public async Task AggregateQuery_FiltersAndAggregatesInFragments_AndOrdersAfterGather()
    {
        var plan = (await TestEngines.Local(TestTables.SmallTrades()).PlanAsync("SELECT symbol, sum(volume) AS v FROM trades WHERE price > 10 GROUP BY symbol HAVING count(*) > 1 ORDER BY v DESC LIMIT 2")).Query;

        Assert.That(plan.Plan.Operators.Select(o => o.Name), Is.EqualTo(new[] { "Filter" }));
        Assert.That(plan.Plan.Sink, Is.TypeOf<AggregateSink>());
        Assert.That(plan.Coordinator.Operators.Select(o => o.Name), Is.EqualTo(new[] { "Filter", "Project", "Sort" }));
        Assert.That(((SortOperator)plan.Coordinator.Operators[^1]).Limit, Is.EqualTo(2));
    }

    [Test]
    public async Task RowQueryWithOrderAndLimit_KeepsATopNInEachFragment()
    {
        var plan = (await TestEngines.Local(TestTables.SmallTrades()).PlanAsync("SELECT ts, price FROM trades ORDER BY volume LIMIT 3")).Query;

        Assert.That(plan.Plan.Operators.Select(o => o.Name), Is.EqualTo(new[] { "Project" }));
        Assert.That(plan.Plan.Sink, Is.EqualTo(plan.Plan.Sink as CollectSink));
        var sink = (CollectSink)plan.Plan.Sink;
        Assert.That(sink.Limit, Is.EqualTo(3));
        Assert.That(sink.OrderBy, Has.Count.EqualTo(1));
        Assert.That(plan.Coordinator.Operators.Select(o => o.Name), Is.EqualTo(new[] { "Sort", "Project" }), "sort the gathered rows, then drop the hidden sort column");
        Assert.That(plan.OutputSchema.Fields.Select(f => f.Name), Is.EqualTo(new[] { "ts", "price" }));
    }

    [Test]
    public async Task Explain_PrintsTheFragmentAndTheCoordinatorPipelines()
    {
        var text = await TestEngines.Local(TestTables.SmallTrades()).ExplainAsync("SELECT symbol, max(price) FROM trades WHERE volume > 5 GROUP BY symbol ORDER BY symbol");

        Assert.That(text, Does.Contain("In fragments: Scan trades(volume, symbol, price) -> Filter (#0:volume > 5::BIGINT) -> Aggregate by #1:symbol: max(#2:price)"));
        Assert.That(text, Does.Contain("After gather: Merge and finalize (Aggregate) -> Project"));
        Assert.That(text, Does.Contain("-> Sort #0"));
    }

    [Test]
    public async Task FullyPrunedQuery_StillGoesThroughTheScheduler_WithNoFragments()
    {
        var catalog = TestTables.SmallTrades();
        var scheduler = new RecordingScheduler();
        var engine = new QueryExecutor(catalog, catalog, scheduler);

        var result = await engine.QueryAsync("SELECT count(*), sum(volume) FROM trades WHERE symbol = 'nothing'");

        Assert.That(scheduler.Calls, Is.EqualTo(new[] { 0 }), "one call, with an empty fragment list");
        Assert.That(result.Rows().Single().Select(v => v.ToString()), Is.EqualTo(new[] { "0", "NULL" }));
        Assert.That(result.Statistics.Mode, Is.EqualTo(LocalModes.None));
    }

    private sealed class RecordingScheduler : IQueryScheduler, IDisposable
    {
        private readonly LocalQueryScheduler _inner = new(new LocalSchedulerOptions { MaxThreads = 1 });

        public List<int> Calls { get; } = [];

        public string Kind => "recording";

        public int WorkerCount => 1;

        public ValueTask<ScatterResult> ScatterAsync(IReadOnlyList<QueryFragment> fragments, QueryContext context, CancellationToken cancellationToken)
        {
            Calls.Add(fragments.Count);
            return _inner.ScatterAsync(fragments, context, cancellationToken);
        }

        public void Dispose() => _inner.Dispose();
    }
}
