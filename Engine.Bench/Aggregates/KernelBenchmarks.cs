using BenchmarkDotNet.Attributes;
using Engine.Core.Aggregates;
using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Core.Functions;

namespace Engine.Bench.Aggregates;

/// <summary>
/// The aggregate kernels alone over one morsel-sized column: sum over BIGINT and DOUBLE, min/max, count,
/// first/last through the row path (a group id per row: all rows in one group, or 64 dense groups as a
/// time-bucket or dictionary-code key gives), and the run path (<c>…Run</c>: a run of one group taken whole
/// by the vectorized span kernels, as partition-constant keys and sorted time buckets give).
/// </summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private readonly int[] _oneGroup = new int[1 << 20];
    private readonly int[] _denseGroups = new int[1 << 20];
    private Int64Column _longs = null!;
    private DoubleColumn _doubles = null!;
    private Int64Column _times = null!;
    private GroupedAccumulator _sumLong = null!;
    private GroupedAccumulator _sumDouble = null!;
    private GroupedAccumulator _max = null!;
    private GroupedAccumulator _count = null!;
    private GroupedAccumulator _last = null!;

    /// <summary>Rows per kernel call.</summary>
    [Params(65_536, 1_048_576)]
    public int Rows { get; set; }

    /// <summary>Groups the rows fall into: 1 (all rows in one group) or 64 (runs of consecutive rows per group).</summary>
    [Params(1, 64)]
    public int Groups { get; set; }

    /// <summary>Fills the inputs and creates the accumulators.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var longs = new long[Rows];
        var doubles = new double[Rows];
        var times = new long[Rows];
        for (var i = 0; i < Rows; i++)
        {
            longs[i] = random.Next(1, 1000);
            doubles[i] = random.NextDouble() * 100;
            times[i] = i * 1000L;
            _denseGroups[i] = (int)((long)i * Groups / Rows);
        }

        _longs = new Int64Column(longs);
        _doubles = new DoubleColumn(doubles);
        _times = new Int64Column(times, null, DataType.Timestamp);
        _sumLong = Create("sum", DataType.Int64);
        _sumDouble = Create("sum", DataType.Double);
        _max = Create("max", DataType.Double);
        _count = Create("count", DataType.Double);
        _last = Create("last", DataType.Double);
    }

    /// <summary>sum over BIGINT.</summary>
    [Benchmark]
    public void SumInt64() => _sumLong.Update(Ids, [_longs]);

    /// <summary>sum over DOUBLE.</summary>
    [Benchmark]
    public void SumDouble() => _sumDouble.Update(Ids, [_doubles]);

    /// <summary>max over DOUBLE.</summary>
    [Benchmark]
    public void MaxDouble() => _max.Update(Ids, [_doubles]);

    /// <summary>count(x).</summary>
    [Benchmark]
    public void Count() => _count.Update(Ids, [_doubles]);

    /// <summary>last(x) by a sorted time column.</summary>
    [Benchmark]
    public void LastBySortedTime() => _last.Update(Ids, [_doubles, _times]);

    /// <summary>sum over BIGINT as one run of one group: the vectorized kernel with per-lane overflow checks.</summary>
    [Benchmark]
    public void SumInt64Run() => _sumLong.UpdateRun(0, [_longs], 0, Rows);

    /// <summary>sum over DOUBLE as one run (vectorized).</summary>
    [Benchmark]
    public void SumDoubleRun() => _sumDouble.UpdateRun(0, [_doubles], 0, Rows);

    /// <summary>max over DOUBLE as one run (vectorized, with the NaN and signed-zero checks).</summary>
    [Benchmark]
    public void MaxDoubleRun() => _max.UpdateRun(0, [_doubles], 0, Rows);

    /// <summary>last(x) as one run over sorted times: the order check, then the run's last row.</summary>
    [Benchmark]
    public void LastBySortedTimeRun() => _last.UpdateRun(0, [_doubles, _times], 0, Rows);

    private ReadOnlySpan<int> Ids => Groups == 1 ? _oneGroup.AsSpan(0, Rows) : _denseGroups.AsSpan(0, Rows);

    private GroupedAccumulator Create(string name, DataType type)
    {
        FunctionRegistry.BuiltIn.TryGetAggregate(name, out var function);
        List<BoundExpression> arguments = [new ColumnReference(0, "x", type)];
        if (name == "last")
        {
            arguments.Add(new ColumnReference(1, "ts", DataType.Timestamp));
        }

        var accumulator = AggregateCall.Bind(function!, new AggregateBindContext(name, arguments), distinct: false).Kernel.CreateAccumulator();
        accumulator.EnsureGroups(Groups);
        return accumulator;
    }
}
