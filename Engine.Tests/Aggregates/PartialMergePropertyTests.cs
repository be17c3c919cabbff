using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Core.Planning;
using Engine.Core.Sql;
using Engine.Tests.Support;

namespace Engine.Tests.Aggregates;

/// <summary>
/// Properties of partial results: merging is associative and commutative with an empty identity, and any
/// way of splitting a table into fragments gives the same answer.
/// </summary>
public class PartialMergePropertyTests
{
    private const string AllAggregates =
        "SELECT symbol, time_bucket('10 minutes', ts) AS b, count(*), count(price), count(DISTINCT volume), sum(volume), sum(price), " +
        "min(price), max(price), avg(volume), first(price), last(price), stddev_pop(price), stddev_samp(price), var_pop(price), " +
        "var_samp(price), vwap(price, volume) FROM trades GROUP BY symbol, b";

    private const string HolisticAggregates =
        "SELECT symbol, time_bucket('10 minutes', ts) AS b, covar_pop(price, volume), covar_samp(price, volume), corr(price, volume), " +
        "regr_slope(price, volume), regr_intercept(price, volume), regr_r2(price, volume), regr_count(price, volume), product(1 + (volume / 1000000.0)), " +
        "median(price), quantile_cont(volume, 0.9), quantile_disc(price, 0.25), median(ts), mode(volume), approx_count_distinct(price), approx_quantile(price, 0.9) " +
        "FROM trades GROUP BY symbol, b";

    private static readonly string[] s_queries = [AllAggregates, HolisticAggregates];

    private static readonly Lazy<InMemoryCatalog> s_catalog = new(() =>
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 12_000, Symbols = 3, BatchRows = 1_000, Seed = 7 });
        return catalog;
    });

    [Test]
    public async Task Merge_InAnyGroupingAndOrder_GivesTheSameFinalValues([ValueSource(nameof(s_queries))] string sql, [Values(1, 2, 3, 4, 5)] int seed)
    {
        var partials = await RandomSplitPartialsAsync(sql, seed, pieces: 9);
        var random = new Random(seed);
        var shuffled = partials.OrderBy(_ => random.Next()).ToList();

        var flat = Merge(partials);
        var leftFold = shuffled.Aggregate((a, b) => Merge([a, b]));
        var rightFold = shuffled.AsEnumerable().Reverse().Aggregate((a, b) => Merge([b, a]));

        AssertSameFinal(flat, leftFold);
        AssertSameFinal(flat, rightFold);
    }

    [Test]
    public async Task Merge_WithTheEmptyPartial_IsTheIdentity([ValueSource(nameof(s_queries))] string sql)
    {
        var partials = await RandomSplitPartialsAsync(sql, 11, pieces: 4);
        var merged = Merge(partials);
        var empty = await ExecuteAsync(sql, []);
        Assert.That(empty.GroupCount, Is.Zero);

        AssertSameFinal(merged, Merge([empty, merged]));
        AssertSameFinal(merged, Merge([merged, empty]));
    }

    [Test]
    public async Task AnySplitIntoFragments_GivesTheSameAnswerAsOneFragment([ValueSource(nameof(s_queries))] string sql, [Values(1, 2, 3, 4, 5, 6)] int seed)
    {
        var whole = Merge(await RandomSplitPartialsAsync(sql, seed, pieces: 1));
        var split = Merge(await RandomSplitPartialsAsync(sql, seed, pieces: 2 + seed * 5));
        AssertSameFinal(whole, split);
    }

    private static async Task<List<GroupPartial>> RandomSplitPartialsAsync(string sql, int seed, int pieces)
    {
        var random = new Random(seed);
        var scans = new List<PartitionScan>();
        foreach (var partition in s_catalog.Value.TryGetTable("trades", out var table) ? table.Partitions : [])
        {
            var cuts = Enumerable.Range(0, pieces - 1).Select(_ => (long)random.Next(1, (int)partition.RowCount)).Append(0).Append(partition.RowCount)
                .Distinct().Order().ToArray();
            for (var i = 0; i + 1 < cuts.Length; i++)
            {
                scans.Add(new PartitionScan("trades", partition.Id, [], cuts[i], cuts[i + 1] - cuts[i]));
            }
        }

        var partials = new List<GroupPartial>();
        foreach (var scan in scans.OrderBy(_ => random.Next()))
        {
            partials.Add(await ExecuteAsync(sql, [scan]));
        }

        return partials;
    }

    private static async Task<GroupPartial> ExecuteAsync(string sql, IReadOnlyList<PartitionScan> scans)
    {
        var bound = Binder.Bind(sql, SqlParser.Parse(sql), s_catalog.Value);
        var fragment = new QueryFragment(Guid.NewGuid(), 0, bound.Plan, scans);
        return (GroupPartial)await new FragmentExecutor(s_catalog.Value).ExecuteAsync(fragment, CancellationToken.None);
    }

    private static GroupPartial Merge(IReadOnlyList<GroupPartial> partials) => (GroupPartial)PartialMerger.Merge(partials);

    private static void AssertSameFinal(GroupPartial expected, GroupPartial actual)
    {
        Assert.That(actual.GroupCount, Is.EqualTo(expected.GroupCount));
        var expectedRows = Rows(PartialMerger.Finalize(expected));
        var actualRows = Rows(PartialMerger.Finalize(actual));
        foreach (var (key, values) in expectedRows)
        {
            Assert.That(actualRows.TryGetValue(key, out var other), Is.True, $"group {key} is missing");
            for (var c = 0; c < values.Length; c++)
            {
                Assert.That(ResultAssert.Same(values[c], other![c]), Is.True, $"group {key} column {c}: {values[c]} vs {other[c]}");
            }
        }
    }

    private static Dictionary<string, ScalarValue[]> Rows(IReadOnlyList<Column> columns)
    {
        var rows = new Dictionary<string, ScalarValue[]>();
        for (var r = 0; r < columns[0].Length; r++)
        {
            var values = columns.Select(c => c.GetScalar(r)).ToArray();
            rows[$"{values[0]}|{values[1]}"] = values;
        }

        return rows;
    }
}
