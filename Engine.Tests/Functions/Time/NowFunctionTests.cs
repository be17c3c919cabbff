using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Expressions;
using Engine.Core.Functions;
using Engine.Schedulers.Local;
using Engine.Tests.Remote;
using Engine.Tests.Support;

namespace Engine.Tests.Functions.Time;

/// <summary>
/// now() and its aliases: the clock is read once per statement and the value is planned in as a constant, so
/// every call, query block, fragment, thread and remote worker sees the same instant.
/// </summary>
public sealed class NowFunctionTests
{
    private static readonly DateTimeOffset s_start = new(2024, 1, 1, 0, 30, 0, TimeSpan.Zero);

    private static QueryExecutor Engine(InMemoryCatalog catalog, TimeProvider clock, int threads = 1) =>
        new(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = threads, SerialThresholdRows = 0, ChunkRows = 777 }), clock: clock);

    private static InMemoryCatalog Trades()
    {
        var catalog = new InMemoryCatalog();
        Core.Generators.TradesGenerator.RegisterTrades(catalog, DifferentialDataSets.Trades);
        return catalog;
    }

    [Test]
    public async Task Now_IsTheClockReadingAsATimestamp()
    {
        var result = await Engine(new InMemoryCatalog(), new SteppingClock(s_start, TimeSpan.FromHours(1))).QueryAsync("SELECT now()");
        Assert.That((result.Schema[0].Type, result.GetValue(0, 0)), Is.EqualTo((DataType.Timestamp, ScalarValue.FromTimestamp(TimestampMicros.FromDateTime(s_start.UtcDateTime)))));
    }

    [Test]
    public async Task EveryAliasInOneStatement_GivesOneValue()
    {
        var clock = new SteppingClock(s_start, TimeSpan.FromHours(1));
        var result = await Engine(new InMemoryCatalog(), clock).QueryAsync(
            "SELECT now(), current_timestamp, get_current_timestamp(), transaction_timestamp(), CURRENT_TIMESTAMP");
        var values = Enumerable.Range(0, 5).Select(c => result.GetValue(0, c)).Distinct().ToList();
        Assert.That(values, Is.EqualTo(new[] { ScalarValue.FromTimestamp(TimestampMicros.FromDateTime(s_start.UtcDateTime)) }));
    }

    [Test]
    public async Task SubqueriesAndSetOperations_SeeTheOuterStatementsValue()
    {
        var clock = new SteppingClock(s_start, TimeSpan.FromHours(1));
        var result = await Engine(Trades(), clock).QueryAsync(
            "SELECT n FROM (SELECT now() AS n FROM trades LIMIT 1) AS a UNION SELECT (SELECT max(now()) FROM trades) UNION SELECT now()");
        Assert.That(result.RowCount, Is.EqualTo(1));
    }

    [Test]
    public async Task TwoStatements_ReadTheClockOnceEach()
    {
        var clock = new SteppingClock(s_start, TimeSpan.FromHours(1));
        var engine = Engine(new InMemoryCatalog(), clock);
        var first = (await engine.QueryAsync("SELECT now()")).GetValue(0, 0);
        var second = (await engine.QueryAsync("SELECT now()")).GetValue(0, 0);
        Assert.That(second.Int64Value - first.Int64Value, Is.EqualTo(TimestampMicros.PerHour));
    }

    [Test]
    public async Task AcrossFragmentsAndThreads_EveryRowSeesOneValue()
    {
        var clock = new SteppingClock(s_start, TimeSpan.FromMilliseconds(1));
        var result = await Engine(Trades(), clock, threads: 2).QueryAsync("SELECT now() AS n, count(*) FROM trades GROUP BY n");
        Assert.That((result.RowCount, result.GetValue(0, 1).Int64Value), Is.EqualTo((1, DifferentialDataSets.Trades.Rows)));
    }

    [Test]
    public async Task InWhere_FiltersAgainstTheStatementsValue()
    {
        var catalog = Trades();
        var clock = new SteppingClock(s_start, TimeSpan.FromHours(1));
        var byNow = await Engine(catalog, clock, threads: 2).QueryAsync("SELECT count(*) FROM trades WHERE ts < now()");
        var byLiteral = await Engine(catalog, clock).QueryAsync("SELECT count(*) FROM trades WHERE ts < TIMESTAMP '2024-01-01 00:30:00'");
        Assert.That(byNow.GetValue(0, 0), Is.EqualTo(byLiteral.GetValue(0, 0)));
    }

    [Test]
    public async Task Explain_ShowsTheValuePlannedInAsAConstant()
    {
        var text = await Engine(Trades(), new SteppingClock(s_start, TimeSpan.FromHours(1))).ExplainAsync("SELECT count(*) FROM trades WHERE ts < now()");
        Assert.That(text, Does.Contain("2024-01-01T00:30:00Z"));
    }

    [Test]
    public async Task OnTwoRemoteWorkers_EveryFragmentSeesTheCoordinatorsValue()
    {
        const string data = "gen:trades:rows=6000:symbols=4";
        await using var workers = InProcessWorkers.Start(2, data);
        var catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(catalog, data);
        using var scheduler = RemoteTestSupport.Scheduler(workers.Addresses, RemoteTestSupport.SecretBytes);
        var engine = new QueryExecutor(catalog, catalog, scheduler, clock: new SteppingClock(s_start, TimeSpan.FromMilliseconds(1)));

        var result = await engine.QueryAsync("SELECT now() AS n, count(*) FROM trades WHERE ts < now() + INTERVAL '1 hour' GROUP BY n");

        Assert.That(result.RowCount, Is.EqualTo(1));
        Assert.That(result.GetValue(0, 0), Is.EqualTo(ScalarValue.FromTimestamp(TimestampMicros.FromDateTime(s_start.UtcDateTime))));
        Assert.That(result.Statistics.FragmentsExecuted, Is.GreaterThan(1));
    }

    [Test]
    public void WithArguments_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("now(1)"));
        Assert.That(error!.Message, Does.Contain("now() takes 0 argument(s), got 1"));
    }

    [Test]
    public void BoundOutsideAStatement_IsABindErrorRatherThanAFreshClockReading()
    {
        FunctionRegistry.BuiltIn.TryGetScalar("now", out var now);
        var error = Assert.Throws<QueryBindException>(() => FunctionExpression.Bind(now!, new ScalarBindContext("now", [])));
        Assert.That(error!.Message, Does.Contain("now() can only be bound with a statement"));
    }

    [Test]
    public void Volatility_IsStable()
    {
        FunctionRegistry.BuiltIn.TryGetScalar("current_timestamp", out var now);
        Assert.That(now!.Volatility, Is.EqualTo(FunctionVolatility.Stable));
    }
}
