using System.Net;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Core.Pipelines;
using Engine.Core.Planning;
using Engine.Schedulers.Remote.Wire;
using Engine.Schedulers.Remote.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Remote;

/// <summary>
/// A worker validates every decoded fragment against its catalog and limits before reading a row: each kind
/// of invalid fragment, sent over a real connection, is answered with its typed error and never executed.
/// </summary>
public sealed class FragmentValidationTests
{
    private const string Data = "gen:trades:rows=1000:symbols=2";
    private const string Filtered = "SELECT count(*) FROM trades WHERE price > 0";

    private static readonly InMemoryCatalog s_catalog = Catalog();

    [Test]
    public async Task ColumnReferencePastTheScannedColumns_IsABindError()
    {
        var fragment = WithFilter(new ComparisonExpression(ComparisonOperator.Greater, new ColumnReference(99, "ghost", DataType.Double), new Literal(ScalarValue.FromDouble(1))));

        await AssertRefusedAsync(fragment, ErrorCode.Bind, "Invalid fragment: the filter reads column #99, past the 1 input column(s).");
    }

    [Test]
    public async Task ColumnReferenceOfAnotherType_IsABindError()
    {
        var fragment = WithFilter(new IsNullExpression(new ColumnReference(0, "price", DataType.String), Negated: false));

        await AssertRefusedAsync(fragment, ErrorCode.Bind, "Invalid fragment: the filter reads column #0 (price) as VARCHAR, but it is DOUBLE.");
    }

    [Test]
    public async Task FilterThatIsNotBoolean_IsABindError()
    {
        var fragment = WithFilter(new ColumnReference(0, "price", DataType.Double));

        await AssertRefusedAsync(fragment, ErrorCode.Bind, "Invalid fragment: the filter is DOUBLE, not BOOLEAN.");
    }

    [Test]
    public async Task ComparisonOfANumberWithText_IsABindError()
    {
        var fragment = WithFilter(new ComparisonExpression(ComparisonOperator.Equal, new ColumnReference(0, "price", DataType.Double), new Literal(ScalarValue.FromString("x"))));

        await AssertRefusedAsync(fragment, ErrorCode.Bind, "Invalid fragment: the filter compares DOUBLE with VARCHAR.");
    }

    [Test]
    public async Task InListOfAnotherType_IsABindError()
    {
        var fragment = WithFilter(new InListExpression(new ColumnReference(0, "price", DataType.Double), [ScalarValue.FromString("S0001")], Negated: false));

        await AssertRefusedAsync(fragment, ErrorCode.Bind, "Invalid fragment: the filter looks for a VARCHAR in a DOUBLE.");
    }

    [Test]
    public async Task InListLongerThanTheLimit_IsAResourceLimitError()
    {
        ScalarValue[] values = [.. Enumerable.Range(0, 4).Select(i => ScalarValue.FromDouble(i))];
        var fragment = WithFilter(new InListExpression(new ColumnReference(0, "price", DataType.Double), values, Negated: false));

        await AssertRefusedAsync(fragment, ErrorCode.ResourceLimit, "Resource limit exceeded: values in an IN list is 4, at most 3 allowed", Limits);
    }

    [Test]
    public async Task MoreGroupKeysThanTheLimit_IsAResourceLimitError()
    {
        var fragment = AuthenticatedPeer.Fragment(s_catalog, "SELECT symbol, ts, volume, count(*) FROM trades GROUP BY symbol, ts, volume");

        await AssertRefusedAsync(fragment, ErrorCode.ResourceLimit, "Resource limit exceeded: group keys is 3, at most 2 allowed", Limits);
    }

    [Test]
    public async Task MoreScansThanTheLimit_IsAResourceLimitError()
    {
        var fragment = AuthenticatedPeer.Fragment(s_catalog, Filtered);
        var scan = fragment.Scans[0];

        await AssertRefusedAsync(fragment with { Scans = [scan, scan, scan] }, ErrorCode.ResourceLimit,
            "Resource limit exceeded: partition scans in a fragment is 3, at most 2 allowed", Limits);
    }

    [Test]
    public async Task ScanOfOtherColumnsThanThePlan_IsABindError()
    {
        var fragment = AuthenticatedPeer.Fragment(s_catalog, Filtered);

        await AssertRefusedAsync(fragment with { Scans = [fragment.Scans[0] with { Columns = ["volume"] }] }, ErrorCode.Bind,
            "Invalid fragment: a scan of columns (volume) in a plan that scans (price).");
    }

    [Test]
    public async Task ScanOfAnotherTableThanThePlan_IsABindError()
    {
        var fragment = AuthenticatedPeer.Fragment(s_catalog, Filtered);

        await AssertRefusedAsync(fragment with { Scans = [fragment.Scans[0] with { Table = "cpu" }] }, ErrorCode.Bind,
            "Invalid fragment: a scan of table 'cpu' in a plan over table 'trades'.");
    }

    [Test]
    public async Task ScanColumnOfAnotherTypeThanTheWorkersTable_IsADataMismatch()
    {
        var fragment = AuthenticatedPeer.Fragment(s_catalog, "SELECT count(*) FROM trades");
        var plan = fragment.Plan with { ScanFields = [new Field("price", DataType.Int64)], Operators = [] };
        var forged = fragment with { Plan = plan, Scans = [fragment.Scans[0] with { Columns = ["price"] }] };

        await AssertRefusedAsync(forged, ErrorCode.DataMismatch,
            $"Data mismatch on worker w1: table 'trades' partition '{fragment.Scans[0].PartitionId}': column 'price' is DOUBLE here, BIGINT planned");
    }

    [Test]
    public async Task CollectedRowsThatDoNotFitThePipeline_AreABindError()
    {
        var fragment = AuthenticatedPeer.Fragment(s_catalog, "SELECT ts, price FROM trades LIMIT 5");
        var collect = (CollectSink)fragment.Plan.Sink;
        var forged = fragment with { Plan = fragment.Plan with { Sink = collect with { Rows = new Schema([new Field("ts", DataType.Timestamp)]) } } };

        await AssertRefusedAsync(forged, ErrorCode.Bind, "Invalid fragment: the collected rows (ts TIMESTAMP) do not fit the pipeline's output");
    }

    [Test]
    public async Task ValidFragmentAfterRefusedOnes_IsAnsweredOnTheSameConnection()
    {
        await using var worker = await StartAsync(Limits);
        using var peer = await AuthenticatedPeer.ConnectAsync(worker.Address);
        var bad = WithFilter(new ColumnReference(0, "price", DataType.Double));
        var good = AuthenticatedPeer.Fragment(s_catalog, Filtered);

        await peer.SendAsync(new ExecuteMessage(bad));
        var refused = await AuthenticatedPeer.AnswerAsync(peer, bad.FragmentId);
        await peer.SendAsync(new ExecuteMessage(good));
        var answered = await AuthenticatedPeer.AnswerAsync(peer, good.FragmentId);

        Assert.That(refused, Is.TypeOf<ErrorMessage>());
        Assert.That(answered, Is.TypeOf<ResultMessage>());
    }

    private static WorkerOptions Limits(WorkerOptions options) => new()
    {
        Listen = options.Listen,
        Secret = options.Secret,
        Threads = options.Threads,
        NodeName = options.NodeName,
        MaxInListValues = 3,
        MaxGroupKeys = 2,
        MaxScansPerFragment = 2,
    };

    private static QueryFragment WithFilter(BoundExpression predicate)
    {
        var fragment = AuthenticatedPeer.Fragment(s_catalog, Filtered);
        return fragment with { Plan = fragment.Plan with { Operators = [new FilterOperator(predicate)] } };
    }

    private static async Task AssertRefusedAsync(QueryFragment fragment, ErrorCode code, string message, Func<WorkerOptions, WorkerOptions>? configure = null)
    {
        await using var worker = await StartAsync(configure);
        using var peer = await AuthenticatedPeer.ConnectAsync(worker.Address);

        await peer.SendAsync(new ExecuteMessage(fragment));
        var answer = await AuthenticatedPeer.AnswerAsync(peer, fragment.FragmentId);

        Assert.That(answer, Is.TypeOf<ErrorMessage>());
        var error = (ErrorMessage)answer;
        Assert.That(error.Code, Is.EqualTo(code), error.Message);
        Assert.That(error.Message, Does.StartWith(message));
        Assert.That(worker.Server.FragmentsCompleted, Is.Zero, "the fragment never ran");
    }

    private static Task<RunningWorker> StartAsync(Func<WorkerOptions, WorkerOptions>? configure)
    {
        var options = new WorkerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Secret = RemoteTestSupport.SecretBytes, Threads = 1, NodeName = "w1" };
        var server = new WorkerServer(configure?.Invoke(options) ?? options, s_catalog, s_catalog, NullLogger.Instance);
        var address = server.Start();
        var stop = new CancellationTokenSource();
        return Task.FromResult(new RunningWorker(server, address, stop, server.RunAsync(stop.Token)));
    }

    private static InMemoryCatalog Catalog()
    {
        var catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(catalog, Data);
        return catalog;
    }

    /// <summary>An in-process worker and how to stop it.</summary>
    private sealed record RunningWorker(WorkerServer Server, IPEndPoint Address, CancellationTokenSource Stop, Task Running) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Running;
            await Server.DisposeAsync();
            Stop.Dispose();
        }
    }
}
