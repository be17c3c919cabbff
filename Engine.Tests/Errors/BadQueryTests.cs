using Engine.Core.Errors;
using Engine.Tests.Support;

namespace Engine.Tests.Errors;

/// <summary>Every bad query fails with its typed exception and a message that says what and where.</summary>
public class BadQueryTests
{
    private static Task<Engine.Core.Execution.QueryResult> Run(string sql) => TestEngines.Local(TestTables.SmallTrades()).QueryAsync(sql);

    [Test]
    public void SyntaxError_ReportsLineColumnAndCaret()
    {
        var error = Assert.ThrowsAsync<QuerySyntaxException>(() => Run("SELECT symbol\nFROM trades\nWHERE price >"));
        Assert.That(error!.Line, Is.EqualTo(3));
        Assert.That(error.Column, Is.EqualTo(14));
        Assert.That(error.Message, Does.Contain("WHERE price >").And.Contain("             ^"));
    }

    [Test]
    public void UnknownTable_NamesTheTableAndTheKnownOnes()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT * FROM trade"));
        Assert.That(error!.Message, Does.Contain("Table 'trade' does not exist").And.Contain("known tables: trades"));
        Assert.That(error.Column, Is.EqualTo(15));
    }

    [Test]
    public void UnknownColumn_NamesItSuggestsTheNearestAndPointsAtIt()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT prise FROM trades"));
        Assert.That(error!.Message, Does.Contain("Column 'prise' does not exist in table 'trades'").And.Contain("did you mean 'price'?"));
        Assert.That((error.Line, error.Column), Is.EqualTo((1, 8)));
    }

    [Test]
    public void SumOfAString_IsATypeError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT sum(symbol) FROM trades"));
        Assert.That(error!.Message, Does.Contain("sum() needs a numeric argument (BIGINT or DOUBLE), got VARCHAR"));
    }

    [Test]
    public void AggregateInWhere_IsRejected()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT symbol FROM trades WHERE sum(volume) > 10"));
        Assert.That(error!.Message, Does.Contain("Aggregate functions are not allowed in WHERE: sum(volume)"));
        Assert.That(error.Column, Is.EqualTo(33));
    }

    [Test]
    public void NonGroupedColumnInSelect_IsRejected()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT symbol, price, sum(volume) FROM trades GROUP BY symbol"));
        Assert.That(error!.Message, Does.Contain("Column 'price' must appear in the GROUP BY clause or be used in an aggregate function"));
        Assert.That(error.Column, Is.EqualTo(16));
    }

    [TestCase("'0m'")]
    [TestCase("'-5 minutes'")]
    public void TimeBucketWithZeroOrNegativeInterval_IsRejected(string interval)
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run($"SELECT time_bucket({interval}, ts) AS b, count(*) FROM trades GROUP BY b"));
        Assert.That(error!.Message, Does.Contain("time_bucket needs a positive interval"));
    }

    [Test]
    public void UnparsableInterval_SaysHowToWriteOne()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT time_bucket('soon', ts) AS b, count(*) FROM trades GROUP BY b"));
        Assert.That(error!.Message, Does.Contain("'soon' is not an interval"));
    }

    [Test]
    public void MonthInterval_IsUnsupportedByName()
    {
        var error = Assert.ThrowsAsync<UnsupportedFeatureException>(() => Run("SELECT time_bucket('1 month', ts) AS b, count(*) FROM trades GROUP BY b"));
        Assert.That(error!.Message, Does.Contain("interval in months or years"));
    }

    [Test]
    public void UnparsableTimestamp_IsABindErrorAtTheLiteral()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT count(*) FROM trades WHERE ts > '2024-13-45'"));
        Assert.That(error!.Message, Does.Contain("'2024-13-45' is not a valid timestamp"));
        Assert.That(error.Column, Is.EqualTo(40));
    }

    [Test]
    public void NegativeLimit_IsASyntaxError()
    {
        var error = Assert.ThrowsAsync<QuerySyntaxException>(() => Run("SELECT * FROM trades LIMIT -1"));
        Assert.That(error!.Message, Does.Contain("LIMIT must be a non-negative integer"));
    }

    [Test]
    public void ComparingTimestampWithNumber_IsATypeError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT count(*) FROM trades WHERE ts > 5"));
        Assert.That(error!.Message, Does.Contain("Cannot compare TIMESTAMP with BIGINT"));
    }

    [Test]
    public void NegatingTheSmallestBigintLiteral_IsATypedOverflowError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => Run("SELECT -(-9223372036854775808) FROM trades"));
        Assert.That(error!.Message, Does.Contain("Overflow negating BIGINT -9223372036854775808"));
    }

    [Test]
    public void BigintOverflowInSum_IsAnExecutionErrorNotAWrap()
    {
        var catalog = new Engine.Core.Catalog.InMemoryCatalog();
        var schema = new Engine.Core.Columns.Schema([new Engine.Core.Columns.Field("x", Engine.Core.Columns.DataType.Int64)]);
        catalog.Register("big", [new Engine.Core.Columns.ColumnBatch(schema, [new Engine.Core.Columns.Int64Column([long.MaxValue, 1])], 2)]);
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => TestEngines.Local(catalog).QueryAsync("SELECT sum(x) FROM big"));
        Assert.That(error!.Message, Does.Contain("Overflow"));
    }
}
