using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Generators;
using Engine.Tests.Support;

namespace Engine.Tests.Aggregates;

/// <summary>
/// approx_count_distinct against the exact count(DISTINCT …) on uniform and skewed data of 1 to 150,000
/// distinct values (BIGINT, DOUBLE, VARCHAR): every estimate lies within three standard errors
/// (3 · 1.04 / √4096 ≈ 4.9%) of the truth, and merging partial sketches in any order gives the same registers.
/// </summary>
public sealed class ApproxCountDistinctTests
{
    private static readonly int[] s_setSizes = [1, 10, 1_000, 20_000, 150_000];
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(CreateCatalog);

    [TestCase("u", TestName = "ApproxCountDistinct_OnUniformBigints_IsWithinThreeStandardErrors")]
    [TestCase("z", TestName = "ApproxCountDistinct_OnSkewedBigints_IsWithinThreeStandardErrors")]
    [TestCase("d", TestName = "ApproxCountDistinct_OnSkewedDoubles_IsWithinThreeStandardErrors")]
    [TestCase("s", TestName = "ApproxCountDistinct_OnSkewedStrings_IsWithinThreeStandardErrors")]
    public async Task ApproxCountDistinct_IsWithinThreeStandardErrorsOfTheExactCount(string column)
    {
        var result = await TestEngines.Local(s_catalog.Value).QueryAsync(
            $"SELECT n, count(DISTINCT {column}), approx_count_distinct({column}) FROM v GROUP BY n ORDER BY n");
        Assert.That(result.RowCount, Is.EqualTo(s_setSizes.Length));
        for (var r = 0; r < result.RowCount; r++)
        {
            var exact = result.GetValue(r, 1).Int64Value;
            var estimate = result.GetValue(r, 2).Int64Value;
            Assert.That(Math.Abs(estimate - exact), Is.LessThanOrEqualTo(Math.Max(0.5, 3 * HyperLogLog.StandardError * exact)),
                $"set {result.GetValue(r, 0)}: {exact} distinct, estimated {estimate}");
        }
    }

    [Test]
    public async Task ApproxCountDistinct_IsBigint()
    {
        var result = await TestEngines.Local(s_catalog.Value).QueryAsync("SELECT approx_count_distinct(s) FROM v");
        Assert.That(result.Schema.Fields[0].Type, Is.EqualTo(DataType.Int64));
    }

    [Test]
    public async Task ApproxCountDistinct_OverNoRowsAndOverOnlyNulls_IsZero()
    {
        var result = await TestEngines.Local(s_catalog.Value).QueryAsync(
            "SELECT approx_count_distinct(u), approx_count_distinct(u) FILTER (WHERE u IS NULL) FROM v WHERE n = 10");
        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(10));
        Assert.That(result.GetValue(0, 1).Int64Value, Is.Zero);

        var empty = await TestEngines.Local(s_catalog.Value).QueryAsync("SELECT approx_count_distinct(u) FROM v WHERE u < 0");
        Assert.That(empty.GetValue(0, 0).Int64Value, Is.Zero);
    }

    [Test]
    public async Task ApproxCountDistinct_OnTwoThreadsWithSmallChunks_EqualsSerial()
    {
        const string sql = "SELECT n, approx_count_distinct(z), approx_count_distinct(s), approx_count_distinct(d) FROM v GROUP BY n";
        var serial = await TestEngines.Local(s_catalog.Value).QueryAsync(sql);
        var threaded = await TestEngines.Local(s_catalog.Value, threads: 2, serialThresholdRows: 0, chunkRows: 997).QueryAsync(sql);
        ResultAssert.Equivalent(serial, threaded, ordered: false, sql);
    }

    [Test]
    public void MergingPartialSketches_InDifferentOrders_GivesIdenticalRegisters([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 40_000).Select(_ => (long)random.Next(0, 25_000)).ToArray();
        var cuts = Enumerable.Range(0, 6).Select(_ => random.Next(1, values.Length)).Append(0).Append(values.Length).Distinct().Order().ToArray();
        var partials = new List<IReadOnlyList<Column>>();
        for (var i = 0; i + 1 < cuts.Length; i++)
        {
            var piece = values[cuts[i]..cuts[i + 1]];
            var accumulator = new HyperLogLogAccumulator();
            accumulator.EnsureGroups(2);
            accumulator.Update([.. piece.Select(v => (int)(v % 2))], [new Int64Column(piece)]);
            partials.Add(accumulator.ExportState(2));
        }

        var forward = MergeAll(partials);
        var backward = MergeAll([.. Enumerable.Reverse(partials)]);
        var shuffled = MergeAll([.. partials.OrderBy(_ => random.Next())]);
        var tree = MergeAll([MergeAll(partials.Take(partials.Count / 2).ToList()).ExportState(2), MergeAll(partials.Skip(partials.Count / 2).ToList()).ExportState(2)]);

        var expected = Rows(forward.ExportState(2));
        Assert.That(Rows(backward.ExportState(2)), Is.EqualTo(expected));
        Assert.That(Rows(shuffled.ExportState(2)), Is.EqualTo(expected));
        Assert.That(Rows(tree.ExportState(2)), Is.EqualTo(expected));
        Assert.That(((Int64Column)tree.Finalize(2)).Values.ToArray(), Is.EqualTo(((Int64Column)forward.Finalize(2)).Values.ToArray()));
    }

    [Test]
    public void Merge_OfAStateRowWithAnOutOfRangeRegister_Throws()
    {
        var accumulator = new HyperLogLogAccumulator();
        accumulator.EnsureGroups(1);
        Assert.That(() => accumulator.Merge([new Int64Column([0]), new Int64Column([((long)HyperLogLog.Registers << 8) | 1])], [0]),
            Throws.ArgumentException.With.Message.Contains("out of range"));
    }

    private static HyperLogLogAccumulator MergeAll(IReadOnlyList<IReadOnlyList<Column>> states)
    {
        var merged = new HyperLogLogAccumulator();
        merged.EnsureGroups(2);
        foreach (var state in states)
        {
            merged.Merge(state, [0, 1]);
        }

        return merged;
    }

    private static List<(long Group, long Entry)> Rows(IReadOnlyList<Column> state)
    {
        var groups = ((Int64Column)state[0]).Values;
        var entries = ((Int64Column)state[1]).Values;
        var rows = new List<(long, long)>();
        for (var i = 0; i < groups.Length; i++)
        {
            rows.Add((groups[i], entries[i]));
        }

        rows.Sort();
        return rows;
    }

    // Set n holds n distinct uniform values u (each twice, NULL every 101st row), skewed z = ⌊n · w³⌋ for a
    // uniform w (many repeats of small values), d = z / 7 and s = 'k' || z.
    private static InMemoryCatalog CreateCatalog()
    {
        var random = new DeterministicRandom(424242);
        var schema = new Schema([new Field("n", DataType.Int64), new Field("u", DataType.Int64), new Field("z", DataType.Int64),
            new Field("d", DataType.Double), new Field("s", DataType.String)]);
        var batches = new List<ColumnBatch>();
        var builders = schema.Fields.Select(f => new ColumnBuilder(f.Type)).ToArray();
        var row = 0;
        foreach (var n in s_setSizes)
        {
            for (var i = 0; i < 2 * n; i++, row++)
            {
                var w = random.NextDouble();
                var z = (long)(n * w * w * w);
                builders[0].AppendInt64(n);
                builders[1].Append(row % 101 == 50 ? ScalarValue.Null(DataType.Int64) : ScalarValue.FromInt64((i % n) * 7_919L));
                builders[2].AppendInt64(z);
                builders[3].AppendDouble(z / 7.0);
                builders[4].AppendString("k" + z.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (builders[0].Count == 10_000)
                {
                    batches.Add(new ColumnBatch(schema, [.. builders.Select(b => b.Build())], 10_000));
                    builders = [.. schema.Fields.Select(f => new ColumnBuilder(f.Type))];
                }
            }
        }

        if (builders[0].Count > 0)
        {
            batches.Add(new ColumnBatch(schema, [.. builders.Select(b => b.Build())], builders[0].Count));
        }

        var catalog = new InMemoryCatalog();
        catalog.Register("v", batches);
        return catalog;
    }
}
