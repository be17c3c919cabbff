using System.Text.RegularExpressions;
using Engine.Bench.Queries;

namespace Engine.Tests.Support;

public sealed partial class RandomQueryGeneratorTests
{
    private static readonly IReadOnlyList<DifferentialQuery> s_queries = new RandomQueryGenerator(11).Generate(1000);

    [Test]
    public void Generate_SameSeed_SameQueries()
    {
        var first = new RandomQueryGenerator(5).Generate(50);
        var second = new RandomQueryGenerator(5).Generate(50);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Generate_DifferentSeeds_DifferentQueries()
    {
        var first = new RandomQueryGenerator(5).Generate(20).Select(q => q.EngineSql);
        var second = new RandomQueryGenerator(6).Generate(20).Select(q => q.EngineSql);
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [TestCase("count(*)")]
    [TestCase("count(DISTINCT ")]
    [TestCase("sum(")]
    [TestCase("min(")]
    [TestCase("max(")]
    [TestCase("avg(")]
    [TestCase("first(")]
    [TestCase("last(")]
    [TestCase("stddev_pop(")]
    [TestCase("stddev_samp(")]
    [TestCase("var_pop(")]
    [TestCase("var_samp(")]
    [TestCase("vwap(price, volume)")]
    [TestCase("time_bucket('")]
    [TestCase(" GROUP BY ")]
    [TestCase(" HAVING ")]
    [TestCase(" ORDER BY ")]
    [TestCase(" DESC")]
    [TestCase(" LIMIT ")]
    [TestCase(" WHERE ")]
    [TestCase(" AND ")]
    [TestCase(" OR ")]
    [TestCase("(NOT ")]
    [TestCase(" IN (")]
    [TestCase(" BETWEEN ")]
    [TestCase(" IS NULL")]
    [TestCase(" IS NOT NULL")]
    [TestCase(" <> ")]
    [TestCase(" / ")]
    [TestCase(" * ")]
    [TestCase("(-")]
    [TestCase("FROM trades")]
    [TestCase("FROM cpu")]
    [TestCase("'5m'")]
    public void Generate_ManyQueries_CoverTheGrammar(string fragment)
    {
        Assert.That(s_queries.Count(q => q.EngineSql.Contains(fragment, StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5));
    }

    [Test]
    public void Generate_ManyQueries_CompareTimesWithTimestampLiterals()
    {
        Assert.That(s_queries.Count(q => TimeLiteralComparison().IsMatch(q.EngineSql)), Is.GreaterThanOrEqualTo(20));
    }

    [Test]
    public void Generate_ManyQueries_GroupByTimeBucketAndByTags()
    {
        Assert.Multiple(() =>
        {
            Assert.That(s_queries.Count(q => q.EngineSql.Contains("GROUP BY time_bucket", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5));
            Assert.That(s_queries.Count(q => Regex.IsMatch(q.EngineSql, "GROUP BY (region|datacenter|rack|os|arch|team|service|service_version|service_environment)")), Is.GreaterThanOrEqualTo(5));
            Assert.That(s_queries.Count(q => q.EngineSql.Contains(" GROUP BY symbol", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(5));
        });
    }

    [Test]
    public void Generate_ManyQueries_DuckDbDialectHasNoEngineOnlySyntax()
    {
        var offending = s_queries.Where(q => EngineOnlySyntax().IsMatch(q.DuckDbSql)).Select(q => q.DuckDbSql);
        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void Generate_ManyQueries_EngineDialectHasNoDuckDbOnlySyntax()
    {
        var offending = s_queries.Where(q => DuckDbOnlySyntax().IsMatch(q.EngineSql)).Select(q => q.EngineSql);
        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void Generate_ManyQueries_LimitOnlyAfterOrderBy()
    {
        var offending = s_queries.Where(q => q.EngineSql.Contains(" LIMIT ", StringComparison.Ordinal) && !q.EngineSql.Contains(" ORDER BY ", StringComparison.Ordinal));
        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void Generate_ManyQueries_OrderedOnlyWithOrderByOrASingleRow()
    {
        var offending = s_queries.Where(q => q.Ordered && !q.EngineSql.Contains(" ORDER BY ", StringComparison.Ordinal) && q.EngineSql.Contains(" GROUP BY ", StringComparison.Ordinal));
        var unorderedWithOrderBy = s_queries.Where(q => !q.Ordered && q.EngineSql.Contains(" ORDER BY ", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(offending, Is.Empty);
            Assert.That(unorderedWithOrderBy, Is.Empty);
        });
    }

    [Test]
    public void Generate_ManyQueries_FirstAndLastOnlyWhereTheTimeIsUnique()
    {
        var offending = s_queries.Where(q => FirstOrLast().IsMatch(q.EngineSql) && !KeyGroupedOrPinned().IsMatch(q.EngineSql));
        Assert.That(offending.Select(q => q.EngineSql), Is.Empty);
    }

    [Test]
    public void Generate_ManyQueries_OrderedProjectionsEndWithKeyAndTime()
    {
        var projections = s_queries.Where(q => q.Ordered && !q.EngineSql.Contains(" GROUP BY ", StringComparison.Ordinal) && q.EngineSql.Contains(" ORDER BY ", StringComparison.Ordinal));
        Assert.That(projections.Select(q => q.EngineSql), Is.All.Match(@"ORDER BY ((symbol|ts|hostname|time) (ASC|DESC)(, )?){2}( LIMIT \d+)?$"));
    }

    [GeneratedRegex(@"\b(ts|time) (>=|<=|<|>|=|<>) '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")]
    private static partial Regex TimeLiteralComparison();

    [GeneratedRegex(@"\b(first|last|vwap)\(|time_bucket\('")]
    private static partial Regex EngineOnlySyntax();

    [GeneratedRegex(@"arg_min|arg_max|INTERVAL|CAST\(|TIMESTAMP '")]
    private static partial Regex DuckDbOnlySyntax();

    [GeneratedRegex(@"\b(first|last)\(")]
    private static partial Regex FirstOrLast();

    [GeneratedRegex(@"GROUP BY (.*, )?(symbol|hostname)\b|(symbol|hostname) = '")]
    private static partial Regex KeyGroupedOrPinned();
}
