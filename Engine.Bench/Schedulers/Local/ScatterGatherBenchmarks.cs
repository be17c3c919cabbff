using BenchmarkDotNet.Attributes;
using Engine.Bench.Runner;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Core.Planning;
using Engine.Core.Scheduling;
using Engine.Core.Sql;
using Engine.Schedulers.Local;

namespace Engine.Bench.Schedulers.Local;

/// <summary>
/// The cost of one scatter/gather round with nothing to compute: Q1's fragments with their scans removed,
/// scattered to the local scheduler and gathered. Goal: ≤ 33 µs per round.
/// </summary>
[MemoryDiagnoser]
public class ScatterGatherBenchmarks : IDisposable
{
    private LocalQueryScheduler _scheduler = null!;
    private QueryFragment[] _fragments = [];
    private InMemoryCatalog _catalog = null!;

    /// <summary>Empty fragments per round.</summary>
    [Params(2, 16)]
    public int Fragments { get; set; }

    /// <summary>Worker threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Plans Q1 and strips the scans.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var options = new TradesOptions { Rows = 1_000, Symbols = 2 };
        _catalog = EngineSetup.Trades(options);
        var sql = StandardQueries.Create(options)["Q1"].EngineSql;
        var planned = QueryPlanner.Plan(Binder.Bind(sql, SqlParser.Parse(sql), _catalog), Guid.NewGuid());
        var template = planned.Fragments[0];
        _fragments = [.. Enumerable.Range(0, Fragments).Select(i => template with { FragmentId = i, Scans = [] })];
        _scheduler = new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = Threads, SerialThresholdRows = 0 });
    }

    /// <summary>One round: scatter the empty fragments, gather the partials.</summary>
    [Benchmark]
    public long Round()
    {
        var context = new QueryContext(Guid.NewGuid(), _catalog);
        var scatter = _scheduler.ScatterAsync(_fragments, context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return ((IQueryScheduler)_scheduler).Gather(scatter.Partials).RowsScanned;
    }

    /// <summary>Stops the scheduler's threads.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _scheduler.Dispose();
        GC.SuppressFinalize(this);
    }
}
