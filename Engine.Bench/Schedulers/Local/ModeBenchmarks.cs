using BenchmarkDotNet.Attributes;
using Engine.Bench.Runner;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Local;

namespace Engine.Bench.Schedulers.Local;

/// <summary>
/// Q1 under each local mode, forced: SERIAL (one thread), PARTITION (two symbol partitions, two threads)
/// and CHUNKED (one partition split by row range over two threads), with the serial threshold off.
/// </summary>
[MemoryDiagnoser]
public class ModeBenchmarks
{
    private QueryExecutor _engine = null!;
    private string _sql = string.Empty;

    /// <summary>Table size.</summary>
    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    /// <summary>The mode forced on the scheduler.</summary>
    [Params(LocalModes.Serial, LocalModes.Partition, LocalModes.Chunked)]
    public string Mode { get; set; } = LocalModes.Serial;

    /// <summary>Generates the table and the engine for <see cref="Mode"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var options = new TradesOptions { Rows = Rows, Symbols = Mode == LocalModes.Chunked ? 1 : 2 };
        var threads = Mode == LocalModes.Serial ? 1 : 2;
        _engine = EngineSetup.Local(EngineSetup.Trades(options), threads, serialThresholdRows: 0);
        _sql = StandardQueries.Create(options)["Q1"].EngineSql;
    }

    /// <summary>Q1 in the forced mode.</summary>
    [Benchmark]
    public int Q1() => _engine.QueryAsync(_sql).GetAwaiter().GetResult().RowCount;
}
