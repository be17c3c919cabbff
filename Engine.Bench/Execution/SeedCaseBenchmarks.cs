using BenchmarkDotNet.Attributes;
using Engine.Bench.Runner;
using Engine.Core.Execution;
using Engine.Core.Generators;

namespace Engine.Bench.Execution;

/// <summary>
/// The seed's own case, in process: Q1 (sum of volume by symbol) over 1M rows and 2 symbols, on 1 and 2
/// threads; and a 10K-row single-partition query timed from SQL text to result. Goals: Q1 ≤ 0.862 ms on
/// one thread, the small query ≤ 50 µs.
/// </summary>
[MemoryDiagnoser]
public class SeedCaseBenchmarks
{
    private QueryExecutor _engine = null!;
    private QueryExecutor _small = null!;
    private string _q1 = string.Empty;

    /// <summary>Worker threads of the local scheduler.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>Generates the tables once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var options = new TradesOptions { Rows = 1_000_000, Symbols = 2 };
        _engine = EngineSetup.Local(EngineSetup.Trades(options), Threads);
        _small = EngineSetup.Local(EngineSetup.Trades(new TradesOptions { Rows = 10_000, Symbols = 1 }), Threads);
        _q1 = StandardQueries.Create(options)["Q1"].EngineSql;
    }

    /// <summary>Q1 at 1M rows / 2 symbols.</summary>
    [Benchmark]
    public int Q1SumBySymbol() => _engine.QueryAsync(_q1).GetAwaiter().GetResult().RowCount;

    /// <summary>A 10K-row single-partition aggregate, parse to result.</summary>
    [Benchmark]
    public int SmallQueryParseToResult() =>
        _small.QueryAsync("SELECT count(*), sum(volume), max(price) FROM trades WHERE symbol = 'S0001'").GetAwaiter().GetResult().RowCount;
}
