using System.Buffers;
using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Expressions;
using Engine.Core.Functions;
using Engine.Core.Generators;
using Engine.Core.Planning;
using Engine.Core.Sql;
using Engine.Schedulers.Remote.Codec;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Tests.Remote;

/// <summary>The fragment and partial-result codecs: every expression, aggregate and column type survives the wire.</summary>
public sealed class CodecRoundTripTests
{
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(() =>
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 5_000, Symbols = 3, BatchRows = 1_000 });
        var start = TradesOptions.DefaultStartMicros;
        CpuGenerator.RegisterCpu(catalog, new CpuOptions { Hosts = 2, StartMicros = start, EndMicros = start + 3_600_000_000L });
        return catalog;
    });

    private static readonly ColumnReference s_price = new(2, "price", DataType.Double);
    private static readonly ColumnReference s_volume = new(3, "volume", DataType.Int64);
    private static readonly ColumnReference s_ts = new(0, "ts", DataType.Timestamp);
    private static readonly ColumnReference s_symbol = new(1, "symbol", DataType.String);

    public static IEnumerable<TestCaseData> Expressions()
    {
        BoundExpression[] expressions =
        [
            s_price,
            new Literal(ScalarValue.FromInt64(long.MinValue)),
            new Literal(ScalarValue.FromDouble(double.NaN)),
            new Literal(ScalarValue.FromTimestamp(-1)),
            new Literal(ScalarValue.FromBool(true)),
            new Literal(ScalarValue.FromString("it's ü")),
            new Literal(ScalarValue.Null(DataType.String)),
            Call("%", s_volume, new Literal(ScalarValue.FromInt64(7))),
            Call("/", s_price, s_volume),
            Call("+", s_ts, new Literal(ScalarValue.FromInterval(90_000_000))),
            new ComparisonExpression(ComparisonOperator.GreaterOrEqual, s_ts, new Literal(ScalarValue.FromTimestamp(5))),
            new LogicalExpression(LogicalOperator.Or,
                new ComparisonExpression(ComparisonOperator.NotEqual, s_symbol, new Literal(ScalarValue.FromString("A"))),
                new NotExpression(new IsNullExpression(s_price, Negated: true))),
            Call("-", s_price),
            new IsNullExpression(s_symbol, Negated: false),
            new CastExpression(s_volume, DataType.Double),
            Call("time_bucket", new Literal(ScalarValue.FromInterval(60_000_000)), s_ts),
            new Literal(ScalarValue.FromInterval(-1)),
        ];
        foreach (var expression in expressions)
        {
            yield return new TestCaseData(expression).SetArgDisplayNames(expression.GetType().Name + ":" + expression);
        }
    }

    public static IEnumerable<TestCaseData> RealQueries()
    {
        string[] queries =
        [
            "SELECT symbol, count(*), count(price), count(DISTINCT volume), sum(volume), sum(price), min(price), max(ts), avg(price) FROM trades GROUP BY symbol",
            "SELECT symbol, time_bucket('1 minute', ts) AS m, first(price), last(price), stddev_pop(price), stddev_samp(price), var_pop(price), var_samp(price), vwap(price, volume) FROM trades GROUP BY symbol, m",
            "SELECT volume % 7 AS b, -avg(price * 2 - 1) FROM trades WHERE NOT (price IS NULL) AND (symbol IN ('S0001', 'S0003') OR volume BETWEEN 5 AND 9) GROUP BY b HAVING count(*) > 1 ORDER BY b",
            "SELECT ts, symbol, price FROM trades WHERE price > 100 ORDER BY price DESC, ts LIMIT 17",
            "SELECT * FROM cpu WHERE usage_user > 50 AND hostname NOT IN ('host_1') LIMIT 20",
            "SELECT hostname, max(usage_user) FROM cpu WHERE time >= '2024-01-01 00:10:00' GROUP BY hostname",
        ];
        foreach (var sql in queries)
        {
            yield return new TestCaseData(sql).SetArgDisplayNames(sql);
        }
    }

    [TestCaseSource(nameof(Expressions))]
    public void Expression_RoundTrips_ToAnEqualTree(BoundExpression expression)
    {
        var bytes = Encode(w => ExpressionCodec.Write(w, expression));
        var reader = new MessagePackReader(bytes);
        var decoded = ExpressionCodec.Read(ref reader, FunctionRegistry.BuiltIn);

        Assert.That(decoded, Is.EqualTo(expression));
        Assert.That(reader.End, Is.True);
    }

    [Test]
    public void InList_RoundTrips_WithItsValuesAndNegation()
    {
        var expression = new InListExpression(s_symbol, [ScalarValue.FromString("a"), ScalarValue.Null(DataType.String), ScalarValue.FromString("")], Negated: true);
        var reader = new MessagePackReader(Encode(w => ExpressionCodec.Write(w, expression)));
        var decoded = (InListExpression)ExpressionCodec.Read(ref reader, FunctionRegistry.BuiltIn);

        Assert.That(decoded.Operand, Is.EqualTo(expression.Operand));
        Assert.That(decoded.Negated, Is.True);
        Assert.That(decoded.Values, Is.EqualTo(expression.Values));
    }

    public static IEnumerable<TestCaseData> Aggregates()
    {
        foreach (var name in FunctionRegistry.BuiltIn.AggregateNames)
        {
            BoundExpression[] arguments = name switch
            {
                "count_star" => [],
                "first" or "last" => [s_price, s_ts],
                "vwap" or "arg_min" or "arg_max" or "covar_pop" or "covar_samp" or "corr" => [s_price, s_volume],
                _ when name.StartsWith("regr_", StringComparison.Ordinal) => [s_price, s_volume],
                "quantile_cont" or "quantile_disc" or "approx_quantile" => [s_price, new Literal(ScalarValue.FromDouble(0.25))],
                "bool_and" or "bool_or" or "count_if" => [new ComparisonExpression(ComparisonOperator.Greater, s_price, new Literal(ScalarValue.FromDouble(1)))],
                _ => [s_price],
            };
            yield return new TestCaseData(name, arguments, false).SetArgDisplayNames(name);
            if (arguments.Length == 1)
            {
                yield return new TestCaseData(name, arguments, true).SetArgDisplayNames(name + " DISTINCT");
            }
        }
    }

    [TestCaseSource(nameof(Aggregates))]
    public void AggregateCall_RoundTrips(string name, BoundExpression[] arguments, bool distinct)
    {
        FunctionRegistry.BuiltIn.TryGetAggregate(name, out var function);
        var call = AggregateCall.Bind(function!, new AggregateBindContext(name, arguments), distinct);
        var reader = new MessagePackReader(Encode(w => FragmentCodec.WriteAggregate(w, call)));

        var decoded = FragmentCodec.ReadAggregate(ref reader, FunctionRegistry.BuiltIn);

        Assert.That(decoded, Is.EqualTo(call));
        Assert.That(decoded.Kernel.StateTypes, Is.EqualTo(call.Kernel.StateTypes));
    }

    [TestCaseSource(nameof(RealQueries))]
    public async Task PlannedFragment_RoundTrips_AndExecutesToTheSamePartial(string sql)
    {
        var catalog = s_catalog.Value;
        var planned = QueryPlanner.Plan(Binder.Bind(sql, SqlParser.Parse(sql), catalog), Guid.NewGuid());
        var fragment = planned.Fragments[0];

        var message = (ExecuteMessage)ProtocolMessages.Read(EncodeMessage(new ExecuteMessage(fragment)));

        var decoded = message.Fragment;
        Assert.That(decoded.QueryId, Is.EqualTo(fragment.QueryId));
        Assert.That(decoded.FragmentId, Is.EqualTo(fragment.FragmentId));
        Assert.That(decoded.Scans, Is.EqualTo(fragment.Scans).Using<PartitionScan>(SameScan));
        Assert.That(EncodeFragment(decoded), Is.EqualTo(EncodeFragment(fragment)));
        var executor = new FragmentExecutor(catalog);
        var expected = await executor.ExecuteAsync(fragment, CancellationToken.None);
        var actual = await executor.ExecuteAsync(decoded, CancellationToken.None);
        Assert.That(EncodePartial(actual), Is.EqualTo(EncodePartial(expected)));
    }

    [TestCaseSource(nameof(RealQueries))]
    public async Task PartialResult_RoundTrips_ThroughAResultMessage(string sql)
    {
        var catalog = s_catalog.Value;
        var planned = QueryPlanner.Plan(Binder.Bind(sql, SqlParser.Parse(sql), catalog), Guid.NewGuid());
        var partial = await new FragmentExecutor(catalog).ExecuteAsync(planned.Fragments[0], CancellationToken.None);

        var message = (ResultMessage)ProtocolMessages.Read(EncodeMessage(new ResultMessage("q", 3, partial, 1234)));

        Assert.That(message.QueryId, Is.EqualTo("q"));
        Assert.That(message.FragmentId, Is.EqualTo(3));
        Assert.That(message.ElapsedMicros, Is.EqualTo(1234));
        AssertSamePartial(message.Partial, partial);
    }

    [Test]
    public async Task ResultMessage_WithAnAggregateTheReaderLacks_IsAProtocolErrorNamingIt()
    {
        const string sql = "SELECT symbol, sum_of_squares(volume) FROM trades GROUP BY symbol";
        var catalog = s_catalog.Value;
        var functions = new FunctionRegistry([], [new Engine.Tests.Functions.SumOfSquaresFunction()]);
        var planned = QueryPlanner.Plan(Binder.Bind(sql, SqlParser.Parse(sql), catalog, functions), Guid.NewGuid());
        var partial = await new FragmentExecutor(catalog).ExecuteAsync(planned.Fragments[0], CancellationToken.None);
        var payload = EncodeMessage(new ResultMessage("q", 3, partial, 1));

        Assert.That(() => ProtocolMessages.Read(payload), Throws.TypeOf<ProtocolException>().With.Message.Contains("sum_of_squares"));
    }

    [Test]
    public void EveryColumnType_WithNullsAndUnalignedSlices_RoundTrips()
    {
        var validity = ValidityBitmap.Create(20, allValid: true);
        foreach (var i in new[] { 0, 3, 9, 10, 19 })
        {
            ValidityBitmap.Set(validity, i, false);
        }

        Column[] columns =
        [
            new Int64Column([.. Enumerable.Range(0, 20).Select(i => (long)i * -1_000_000_007L)], validity),
            new Int64Column([.. Enumerable.Range(0, 20).Select(i => (long)i * 86_400_000_000L)], validity, DataType.Timestamp),
            new DoubleColumn([.. Enumerable.Range(0, 20).Select(i => i == 4 ? double.NaN : i / 3.0)], validity),
            BoolColumn.FromValues([.. Enumerable.Range(0, 20).Select(i => i % 3 == 0)], validity),
            new StringColumn([.. Enumerable.Range(0, 20).Select(i => i % 4)], ["a", "bb", "", "ü€"], validity),
            StringColumn.FromValues(["x", null, "y"]),
            new Int64Column([]),
        ];
        foreach (var column in columns)
        {
            foreach (var (start, length) in new[] { (0, column.Length), (Math.Min(3, column.Length), Math.Max(0, column.Length - 5)), (0, 0) })
            {
                var slice = column.Slice(start, length);
                var reader = new MessagePackReader(Encode(w => ColumnCodec.Write(w, slice)));
                var decoded = ColumnCodec.Read(ref reader);
                AssertSameColumn(decoded, slice, $"{column.Type.SqlName()} [{start}, +{length})");
            }
        }
    }

    [Test]
    public void StringSlice_SendsOnlyTheDictionaryEntriesItsRowsUse()
    {
        var column = new StringColumn([0, 1, 2, 3], ["a", "b", "c", "d"]).Slice(1, 2);
        var reader = new MessagePackReader(Encode(w => ColumnCodec.Write(w, column)));

        var decoded = (StringColumn)ColumnCodec.Read(ref reader);

        Assert.That(decoded.Dictionary, Is.EqualTo(new[] { "b", "c" }));
    }

    [Test]
    public void Int64Column_IsEncodedAsOneLittleEndianBuffer()
    {
        var bytes = Encode(w => ColumnCodec.Write(w, new Int64Column([1, 258])));

        // [type 1, length 2, nil validity, bin8 of 16 bytes]
        Assert.That(bytes, Is.EqualTo(new byte[] { 0x94, 0x01, 0x02, 0xC0, 0xC4, 16, 1, 0, 0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0 }));
    }

    internal static byte[] Encode(Action<MessagePackWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new MessagePackWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    internal static byte[] EncodeMessage(IProtocolMessage message) => Encode(message.Write);

    private static byte[] EncodeFragment(QueryFragment fragment) => Encode(w => FragmentCodec.Write(w, fragment));

    private static byte[] EncodePartial(PartialResult partial) => Encode(w => PartialResultCodec.Write(w, partial));

    private static bool SameScan(PartitionScan a, PartitionScan b) =>
        a.Table == b.Table && a.PartitionId == b.PartitionId && a.Columns.SequenceEqual(b.Columns) && a.RowStart == b.RowStart && a.RowCount == b.RowCount;

    private static void AssertSamePartial(PartialResult actualResult, PartialResult expectedResult)
    {
        Assert.That(actualResult.GetType(), Is.EqualTo(expectedResult.GetType()));
        Assert.That(actualResult.RowsScanned, Is.EqualTo(expectedResult.RowsScanned));
        if (expectedResult is RowPartial { Rows: var rows })
        {
            var actualRows = ((RowPartial)actualResult).Rows;
            Assert.That(actualRows.Schema.Fields, Is.EqualTo(rows.Schema.Fields));
            for (var c = 0; c < rows.Columns.Count; c++)
            {
                AssertSameColumn(actualRows.Columns[c], rows.Columns[c], $"row column {c}");
            }

            return;
        }

        var (actual, expected) = ((GroupPartial)actualResult, (GroupPartial)expectedResult);
        Assert.That(actual.GroupCount, Is.EqualTo(expected.GroupCount));
        Assert.That(actual.KeyTypes, Is.EqualTo(expected.KeyTypes));
        Assert.That(actual.Aggregates, Is.EqualTo(expected.Aggregates));
        for (var k = 0; k < expected.Keys.Count; k++)
        {
            AssertSameColumn(actual.Keys[k], expected.Keys[k], $"key {k}");
        }

        for (var a = 0; a < expected.States.Count; a++)
        {
            for (var c = 0; c < expected.States[a].Count; c++)
            {
                AssertSameColumn(actual.States[a][c], expected.States[a][c], $"state {a}.{c}");
            }
        }
    }

    private static FunctionExpression Call(string name, params BoundExpression[] arguments)
    {
        FunctionRegistry.BuiltIn.TryGetScalar(name, out var function);
        return FunctionExpression.Bind(function!, new ScalarBindContext(name, arguments));
    }

    private static void AssertSameColumn(Column actual, Column expected, string what)
    {
        Assert.That(actual.Type, Is.EqualTo(expected.Type), what);
        Assert.That(actual.Length, Is.EqualTo(expected.Length), what);
        Assert.That(actual.NullCount, Is.EqualTo(expected.NullCount), what);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.That(actual.GetScalar(i), Is.EqualTo(expected.GetScalar(i)), $"{what} row {i}");
        }
    }
}
