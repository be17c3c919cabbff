using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Generators;
using Engine.Tests.Support;

namespace Engine.Tests.Aggregates;

/// <summary>
/// approx_quantile against the exact value at rank ⌊q · (n − 1)⌋ on uniform, skewed (log-normal) and
/// mixed-sign data: every answer is within the sketch's 1% relative accuracy; merging partial sketches in any
/// order gives the same buckets; NULL, NaN and ±Infinity are skipped.
/// </summary>
public sealed class ApproxQuantileTests
{
    private static readonly double[] s_fractions = [0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1];
    private static readonly int[] s_setSizes = [7, 100_000];
    private static readonly Lazy<(InMemoryCatalog Catalog, Dictionary<(string Column, int Set), double[]> Sorted)> s_data = new(CreateData);

    [TestCase("u", TestName = "ApproxQuantile_OnUniformDoubles_IsWithinOnePercentOfTheExactValue")]
    [TestCase("ln", TestName = "ApproxQuantile_OnLogNormalDoubles_IsWithinOnePercentOfTheExactValue")]
    [TestCase("m", TestName = "ApproxQuantile_OnMixedSignDoubles_IsWithinOnePercentOfTheExactValue")]
    [TestCase("b", TestName = "ApproxQuantile_OnSkewedBigints_IsWithinOnePercentOfTheExactValuePlusRounding")]
    public async Task ApproxQuantile_IsWithinTheRelativeAccuracyOfTheExactValue(string column)
    {
        var (catalog, sorted) = s_data.Value;
        var calls = string.Join(", ", s_fractions.Select(f => $"approx_quantile({column}, {f.ToString(System.Globalization.CultureInfo.InvariantCulture)})"));
        var result = await TestEngines.Local(catalog).QueryAsync($"SELECT n, {calls} FROM q GROUP BY n ORDER BY n");
        var slack = column == "b" ? 0.5 : 0;
        for (var r = 0; r < result.RowCount; r++)
        {
            var values = sorted[(column, (int)result.GetValue(r, 0).Int64Value)];
            for (var f = 0; f < s_fractions.Length; f++)
            {
                var exact = values[(int)Math.Floor(s_fractions[f] * (values.Length - 1))];
                var cell = result.GetValue(r, f + 1);
                var estimate = cell.Type == DataType.Int64 ? cell.Int64Value : cell.DoubleValue;
                Assert.That(Math.Abs(estimate - exact), Is.LessThanOrEqualTo((RelativeErrorSketch.RelativeAccuracy * Math.Abs(exact) * (1 + 1e-9)) + slack),
                    $"{column} set {result.GetValue(r, 0)} q={s_fractions[f]}: exact {exact}, estimated {estimate}");
            }
        }
    }

    [Test]
    public async Task ApproxQuantile_HasTheArgumentsType()
    {
        var result = await TestEngines.Local(s_data.Value.Catalog).QueryAsync("SELECT approx_quantile(b, 0.5), approx_quantile(u, 0.5) FROM q");
        Assert.That(result.Schema.Fields.Select(f => f.Type), Is.EqualTo(new[] { DataType.Int64, DataType.Double }));
    }

    [Test]
    public async Task ApproxQuantile_SkipsNullNaNAndInfinity_AndIsNullOverNoValues()
    {
        var result = await TestEngines.Local(s_data.Value.Catalog).QueryAsync(
            "SELECT approx_quantile(CASE WHEN n = 7 THEN 'nan'::DOUBLE ELSE NULL END, 0.5), approx_quantile(CASE WHEN u < 0.5 THEN 'inf'::DOUBLE ELSE 10.0 END, 1), " +
            "approx_quantile(u, 0.5) FILTER (WHERE u > 2) FROM q");
        Assert.That(result.GetValue(0, 0).IsNull, Is.True);
        Assert.That(result.GetValue(0, 1).DoubleValue, Is.EqualTo(10).Within(0.1));
        Assert.That(result.GetValue(0, 2).IsNull, Is.True);
    }

    [Test]
    public async Task ApproxQuantile_OnTwoThreadsWithSmallChunks_EqualsSerial()
    {
        const string sql = "SELECT n, approx_quantile(ln, 0.5), approx_quantile(m, 0.99), approx_quantile(b, 0.1) FROM q GROUP BY n";
        var serial = await TestEngines.Local(s_data.Value.Catalog).QueryAsync(sql);
        var threaded = await TestEngines.Local(s_data.Value.Catalog, threads: 2, serialThresholdRows: 0, chunkRows: 997).QueryAsync(sql);
        ResultAssert.Equivalent(serial, threaded, ordered: false, sql);
    }

    [Test]
    public void MergingPartialSketches_InDifferentOrders_GivesIdenticalBuckets([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, 20_000).Select(_ => Math.Exp(random.NextDouble() * 20) - 1e4).ToArray();
        var cuts = Enumerable.Range(0, 6).Select(_ => random.Next(1, values.Length)).Append(0).Append(values.Length).Distinct().Order().ToArray();
        var partials = new List<IReadOnlyList<Column>>();
        for (var i = 0; i + 1 < cuts.Length; i++)
        {
            var accumulator = new ApproxQuantileAccumulator(DataType.Double, 0.5);
            accumulator.EnsureGroups(2);
            var piece = values[cuts[i]..cuts[i + 1]];
            accumulator.Update([.. piece.Select(v => v > 0 ? 1 : 0)], [new DoubleColumn(piece)]);
            partials.Add(accumulator.ExportState(2));
        }

        var forward = Rows(MergeAll(partials).ExportState(2));
        Assert.That(Rows(MergeAll([.. Enumerable.Reverse(partials)]).ExportState(2)), Is.EqualTo(forward));
        Assert.That(Rows(MergeAll([.. partials.OrderBy(_ => random.Next())]).ExportState(2)), Is.EqualTo(forward));
        Assert.That(Rows(MergeAll([MergeAll([.. partials.Take(3)]).ExportState(2), MergeAll([.. partials.Skip(3)]).ExportState(2)]).ExportState(2)), Is.EqualTo(forward));
    }

    [Test]
    public void Merge_OfAStateRowWithABadBucket_Throws()
    {
        var accumulator = new ApproxQuantileAccumulator(DataType.Double, 0.5);
        accumulator.EnsureGroups(1);
        Assert.That(() => accumulator.Merge([new Int64Column([0]), new Int64Column([3]), new Int64Column([1])], [0]),
            Throws.ArgumentException.With.Message.Contains("not valid"));
    }

    [TestCase("SELECT approx_quantile(price, 1.5) FROM trades", "the fraction of approx_quantile() must be between 0 and 1, got 1.5")]
    [TestCase("SELECT approx_quantile(price, -0.5) FROM trades", "must be between 0 and 1, got -0.5")]
    [TestCase("SELECT approx_quantile(price, price) FROM trades", "takes a constant numeric fraction")]
    [TestCase("SELECT approx_quantile(ts, 0.5) FROM trades", "approx_quantile() sketches BIGINT or DOUBLE values (its error is relative to the value), got TIMESTAMP")]
    [TestCase("SELECT approx_quantile(symbol, 0.5) FROM trades", "got VARCHAR; use quantile_cont() or quantile_disc()")]
    public void ApproxQuantile_Misuse_IsABindError(string sql, string message)
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TestEngines.Local(TestTables.SmallTrades()).QueryAsync(sql));
        Assert.That(error!.Message, Does.Contain(message));
    }

    private static ApproxQuantileAccumulator MergeAll(IReadOnlyList<IReadOnlyList<Column>> states)
    {
        var merged = new ApproxQuantileAccumulator(DataType.Double, 0.5);
        merged.EnsureGroups(2);
        foreach (var state in states)
        {
            merged.Merge(state, [0, 1]);
        }

        return merged;
    }

    private static List<(long, long, long)> Rows(IReadOnlyList<Column> state)
    {
        var rows = new List<(long, long, long)>();
        for (var i = 0; i < state[0].Length; i++)
        {
            rows.Add((((Int64Column)state[0]).Values[i], ((Int64Column)state[1]).Values[i], ((Int64Column)state[2]).Values[i]));
        }

        rows.Sort();
        return rows;
    }

    // Set n: n rows of u uniform in [0, 1), ln = e^(2·N(0,1)), m = 1000·N(0,1) (both signs), b = ⌊e^(3·N(0,1))⌋ (BIGINT, many small values).
    private static (InMemoryCatalog, Dictionary<(string, int), double[]>) CreateData()
    {
        var random = new DeterministicRandom(77);
        var schema = new Schema([new Field("n", DataType.Int64), new Field("u", DataType.Double), new Field("ln", DataType.Double),
            new Field("m", DataType.Double), new Field("b", DataType.Int64)]);
        var sorted = new Dictionary<(string, int), double[]>();
        var batches = new List<ColumnBatch>();
        foreach (var n in s_setSizes)
        {
            var u = new double[n];
            var ln = new double[n];
            var m = new double[n];
            var b = new long[n];
            for (var i = 0; i < n; i++)
            {
                u[i] = random.NextDouble();
                ln[i] = Math.Exp(2 * random.NextNormal());
                m[i] = 1000 * random.NextNormal();
                b[i] = (long)Math.Exp(3 * random.NextNormal());
            }

            for (var start = 0; start < n; start += 10_000)
            {
                var length = Math.Min(10_000, n - start);
                batches.Add(new ColumnBatch(schema,
                [
                    new Int64Column([.. Enumerable.Repeat((long)n, length)]), new DoubleColumn(u[start..(start + length)]), new DoubleColumn(ln[start..(start + length)]),
                    new DoubleColumn(m[start..(start + length)]), new Int64Column(b[start..(start + length)]),
                ], length));
            }

            sorted[("u", n)] = [.. u.Order()];
            sorted[("ln", n)] = [.. ln.Order()];
            sorted[("m", n)] = [.. m.Order()];
            sorted[("b", n)] = [.. b.Order().Select(v => (double)v)];
        }

        var catalog = new InMemoryCatalog();
        catalog.Register("q", batches);
        return (catalog, sorted);
    }
}
