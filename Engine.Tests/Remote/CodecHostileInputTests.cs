using Engine.Schedulers.Remote.Wire;

namespace Engine.Tests.Remote;

/// <summary>Execute and Result payloads that lie: every one is refused with <see cref="ProtocolException"/> naming the problem.</summary>
public sealed class CodecHostileInputTests
{
    private static readonly object?[] s_countStar = ["count_star", false, Array.Empty<object?>(), 1L, null];

    private static object?[] Int64Column(long length, byte[] values, byte[]? validity = null) => [1L, length, validity, values];

    private static object?[] Groups(long groupCount, object?[] keyTypes, object?[] keys, object?[] aggregates, object?[] states) =>
        [0L, 10L, groupCount, keyTypes, keys, aggregates, states];

    private static byte[] ResultPayload(object? partial) =>
        MessagePackTestHelpers.Encode(new object?[] { (long)MessageEnvelope.ProtocolVersion, 5L, "q", 0L, partial, new object?[] { 0L } });

    private static object?[] ColumnRef(long index) => [1L, 1L, index, "volume"];

    private static object?[] Fragment(object? filter, object?[]? aggregates = null, object?[]? sink = null) =>
    [
        new byte[16], 0L,
        new object?[]
        {
            "trades", Array.Empty<object?>(),
            filter is null ? Array.Empty<object?>() : new object?[] { new object?[] { "Filter", filter } },
            sink ?? new object?[] { "Aggregate", Array.Empty<object?>(), aggregates ?? [] },
        },
        Array.Empty<object?>(),
    ];

    private static byte[] ExecutePayload(object?[] fragment, string queryId = "00000000-0000-0000-0000-000000000000") =>
        MessagePackTestHelpers.Encode(new object?[] { (long)MessageEnvelope.ProtocolVersion, 4L, queryId, fragment });

    private static void AssertRejected(byte[] payload, string messagePart) =>
        Assert.That(() => ProtocolMessages.Read(payload), Throws.TypeOf<ProtocolException>().With.Message.Contains(messagePart));

    [Test]
    public void Column_BufferShorterThanItsLength_IsRefused() =>
        AssertRejected(ResultPayload(Groups(3, [1L], [Int64Column(3, new byte[16])], [], [])), "needs a buffer of 24 bytes (8 per value), got 16");

    [Test]
    public void Column_HugeDeclaredLength_IsRefusedBeforeAllocating() =>
        AssertRejected(ResultPayload(Groups(2_000_000_000, [1L], [Int64Column(2_000_000_000, new byte[8])], [], [])), "needs a buffer of 16000000000 bytes");

    [Test]
    public void Column_ValidityOfTheWrongSize_IsRefused() =>
        AssertRejected(ResultPayload(Groups(1, [1L], [Int64Column(1, new byte[8], new byte[2])], [], [])), "validity bitmap of a column of 1 rows needs 1 bytes, got 2");

    [Test]
    public void Column_NegativeLength_IsRefused() =>
        AssertRejected(ResultPayload(Groups(0, [1L], [Int64Column(-1, [])], [], [])), "a column length cannot be negative, got -1");

    [Test]
    public void Column_UnknownTypeTag_IsRefused() =>
        AssertRejected(ResultPayload(Groups(0, [1L], [new object?[] { 9L, 0L, null, Array.Empty<byte>() }], [], [])), "unknown data type tag 9");

    [Test]
    public void Column_WrongElementCount_IsRefused() =>
        AssertRejected(ResultPayload(Groups(0, [1L], [new object?[] { 1L, 0L, null }], [], [])), "a BIGINT column is an array of 4 elements, this one has 3");

    [Test]
    public void StringColumn_CodeOutsideTheDictionary_IsRefused() =>
        AssertRejected(ResultPayload(Groups(1, [5L], [new object?[] { 5L, 1L, null, new object?[] { "a" }, new byte[] { 1, 0, 0, 0 } }], [], [])),
            "row 0 has dictionary code 1, the dictionary has 1 entries");

    [Test]
    public void Partial_KeyColumnShorterThanTheGroupCount_IsRefused() =>
        AssertRejected(ResultPayload(Groups(2, [1L], [Int64Column(1, new byte[8])], [], [])), "key column 0 is 1 rows of BIGINT, expected 2 rows of BIGINT");

    [Test]
    public void Partial_MoreKeyTypesThanKeyColumns_IsRefused() =>
        AssertRejected(ResultPayload(Groups(0, [1L, 1L], [Int64Column(0, [])], [], [])), "2 key types but 1 key columns");

    [Test]
    public void Partial_StatesThatDoNotMatchTheAggregates_IsRefused() =>
        AssertRejected(ResultPayload(Groups(0, [], [], [s_countStar], [])), "1 aggregates but 0 states");

    [Test]
    public void Partial_StateColumnOfTheWrongType_IsRefused() =>
        AssertRejected(ResultPayload(Groups(1, [], [], [s_countStar], [new object?[] { new object?[] { 2L, 1L, null, new byte[8] } }])),
            "state column 0 of count(*) must be BIGINT, got DOUBLE");

    [Test]
    public void Partial_CountDistinctStateNamingAMissingGroup_IsRefused()
    {
        object?[] countDistinct = ["count", true, new object?[] { ColumnRef(3) }, 1L, null];
        object?[] state = [Int64Column(1, [5, 0, 0, 0, 0, 0, 0, 0]), Int64Column(1, new byte[8])];

        AssertRejected(ResultPayload(Groups(1, [], [], [countDistinct], [state])), "names group 5 at entry 0; there are 1 groups");
    }

    [Test]
    public void Partial_UnknownKind_IsRefused() =>
        AssertRejected(ResultPayload(new object?[] { 7L, 0L }), "unknown partial result kind tag 7");

    [Test]
    public void Partial_RowsWithFewerColumnsThanFields_IsRefused() =>
        AssertRejected(ResultPayload(new object?[] { 1L, 0L, 0L, new object?[] { new object?[] { "a", 1L, true } }, Array.Empty<object?>() }), "1 fields but 0 columns");

    [Test]
    public void Result_TruncatedPartial_IsAMalformedMessage()
    {
        var payload = ResultPayload(Groups(0, [], [], [], []));

        AssertRejected(payload[..^4], "Malformed Result message");
    }

    [Test]
    public void Expression_UnknownTag_IsRefused() =>
        AssertRejected(ExecutePayload(Fragment(new object?[] { 99L })), "unknown expression tag 99");

    [Test]
    public void Expression_WrongFieldCount_IsRefused() =>
        AssertRejected(ExecutePayload(Fragment(new object?[] { 6L })), "a Not node has 1 fields after its tag, this one has 0");

    [Test]
    public void Expression_UnknownOperator_IsRefused() =>
        AssertRejected(ExecutePayload(Fragment(new object?[] { 4L, 6L, ColumnRef(0), ColumnRef(0) })), "unknown comparison operator tag 6");

    [Test]
    public void Expression_NegativeColumnIndex_IsRefused() =>
        AssertRejected(ExecutePayload(Fragment(ColumnRef(-2))), "a column index cannot be negative, got -2");

    [Test]
    public void Expression_DeeperThanTheLimit_IsRefused()
    {
        // Written token by token: the dynamic encoder itself refuses to nest this deep.
        var payload = MessagePackTestHelpers.Encode(w =>
        {
            w.WriteArrayHeader(4);
            w.WriteInt32(MessageEnvelope.ProtocolVersion);
            w.WriteInt32(4);
            w.WriteString("00000000-0000-0000-0000-000000000000");
            w.WriteArrayHeader(4);
            w.WriteBinary(new byte[16]);
            w.WriteInt32(0);
            w.WriteArrayHeader(4);
            w.WriteString("trades");
            w.WriteArrayHeader(0);
            w.WriteArrayHeader(1);
            w.WriteArrayHeader(2);
            w.WriteString("Filter");
            for (var i = 0; i < 100; i++)
            {
                w.WriteArrayHeader(2);
                w.WriteInt32(6);
            }

            w.WriteRaw(MessagePackTestHelpers.Encode(ColumnRef(0)));
            w.WriteRaw(MessagePackTestHelpers.Encode(new object?[] { "Aggregate", Array.Empty<object?>(), Array.Empty<object?>() }));
            w.WriteArrayHeader(0);
        });

        AssertRejected(payload, "deeper than 64 levels");
    }

    [Test]
    public void Aggregate_UnknownToThisWorker_IsRejectedNamingIt() =>
        Assert.That(() => ProtocolMessages.Read(ExecutePayload(Fragment(null, [new object?[] { "approx_percentile", false, Array.Empty<object?>(), 2L, null }]))),
            Throws.TypeOf<RejectedFragmentException>().With.Message.Contains("aggregate function 'approx_percentile'"));

    [Test]
    public void Function_UnknownToThisWorker_IsRejectedNamingIt() =>
        Assert.That(() => ProtocolMessages.Read(ExecutePayload(Fragment(new object?[] { 12L, "my_udf", 4L, new object?[] { ColumnRef(0) } }))),
            Throws.TypeOf<RejectedFragmentException>().With.Message.Contains("scalar function 'my_udf'"));

    [Test]
    public void Aggregate_MissingArgument_IsRefused() =>
        AssertRejected(ExecutePayload(Fragment(null, [new object?[] { "sum", false, Array.Empty<object?>(), 1L, null }])), "the call of sum does not bind here: sum() takes 1 argument(s), got 0");

    [Test]
    public void Aggregate_ResultTypeOtherThanTheWorkerBinds_IsRefused() =>
        AssertRejected(ExecutePayload(Fragment(null, [new object?[] { "sum", false, new object?[] { ColumnRef(0) }, 2L, null }])), "sum binds to BIGINT here, the sender bound it to DOUBLE");

    [Test]
    public void Operator_ThatCannotRunInAFragment_IsRefused()
    {
        var fragment = Fragment(null);
        ((object?[])fragment[2]!)[2] = new object?[] { new object?[] { "Sort", Array.Empty<object?>(), null } };

        AssertRejected(ExecutePayload(fragment), "'Sort' with 2 fields is not an operator a fragment runs");
    }

    [Test]
    public void Sink_Unknown_IsRefused() =>
        AssertRejected(ExecutePayload(Fragment(null, sink: new object?[] { "Window", Array.Empty<object?>() })), "'Window' with 1 fields is not a sink");

    [Test]
    public void Execute_QueryIdThatDoesNotMatchTheFragment_IsRefused() =>
        AssertRejected(ExecutePayload(Fragment(null), "another-query"), "names query 'another-query' but carries a fragment of query 00000000-0000-0000-0000-000000000000");

    [Test]
    public void Execute_QueryIdOfTheWrongSize_IsRefused()
    {
        var fragment = Fragment(null);
        fragment[0] = new byte[3];

        AssertRejected(ExecutePayload(fragment), "a query id is 16 bytes, got 3");
    }

    [Test]
    public void Execute_NegativeLimit_IsRefused()
    {
        var fragment = Fragment(null, sink: new object?[] { "Collect", Array.Empty<object?>(), Array.Empty<object?>(), -5L });

        AssertRejected(ExecutePayload(fragment), "a LIMIT cannot be negative, got -5");
    }

    [Test]
    public void Execute_ScanWithAnOverflowingRowRange_IsRefused()
    {
        var fragment = Fragment(null);
        fragment[3] = new object?[] { new object?[] { "trades", "mem://trades/0", Array.Empty<object?>(), long.MaxValue, 2L, null } };

        AssertRejected(ExecutePayload(fragment), "is not a valid range");
    }
}
