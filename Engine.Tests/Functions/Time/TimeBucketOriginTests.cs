using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;
using Engine.Core.Functions;
using Engine.Core.Functions.Scalar.Time;

namespace Engine.Tests.Functions.Time;

/// <summary>time_bucket's three-argument forms: a TIMESTAMP origin or an INTERVAL offset of the default origin.</summary>
public sealed class TimeBucketOriginTests
{
    [Test]
    public async Task Offset_ShiftsTheBuckets() =>
        Assert.That(
            (await TimeSql.TextAsync("time_bucket(INTERVAL '1 hour', TIMESTAMP '2024-01-01 10:30', INTERVAL '15 minutes')"),
                await TimeSql.TextAsync("time_bucket(INTERVAL '1 hour', TIMESTAMP '2024-01-01 10:10', INTERVAL '15 minutes')")),
            Is.EqualTo(("2024-01-01T10:15:00Z", "2024-01-01T09:15:00Z")));

    [Test]
    public async Task NegativeOffset_ShiftsBack() =>
        Assert.That(await TimeSql.TextAsync("time_bucket(INTERVAL '1 hour', TIMESTAMP '2024-01-01 10:30', -INTERVAL '15 minutes')"), Is.EqualTo("2024-01-01T09:45:00Z"));

    [Test]
    public async Task Origin_StartsTheBucketsThere() =>
        Assert.That(await TimeSql.TextAsync("time_bucket(INTERVAL '1 day', TIMESTAMP '2024-01-01 10:30', TIMESTAMP '2024-01-01 12:00')"), Is.EqualTo("2023-12-31T12:00:00Z"));

    [Test]
    public async Task OriginBefore1970_FloorsFromIt() =>
        Assert.That(await TimeSql.TextAsync("time_bucket(INTERVAL '7 days', TIMESTAMP '1969-12-31 10:30', TIMESTAMP '1900-01-01')"), Is.EqualTo("1969-12-29T00:00:00Z"));

    [Test]
    public async Task NullOffset_IsNull() =>
        Assert.That((await TimeSql.EvaluateAsync("time_bucket(INTERVAL '1 hour', TIMESTAMP '2024-01-01 10:30', NULL)")).Value, Is.EqualTo(ScalarValue.Null(DataType.Timestamp)));

    [Test]
    public void OriginFromAnExpression_IsABindErrorAskingForAConstant()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("time_bucket(INTERVAL '1 hour', TIMESTAMP '2024-01-01', 'x')"));
        Assert.That(error!.Message, Does.Contain("time_bucket needs a constant TIMESTAMP origin or INTERVAL offset as its third argument"));
    }

    [Test]
    public void TryMatch_SeesTheOriginTheOffsetMakes()
    {
        FunctionRegistry.BuiltIn.TryGetScalar("time_bucket", out var function);
        var ts = new ColumnReference(0, "ts", DataType.Timestamp);
        var call = FunctionExpression.Bind(function!, new ScalarBindContext("time_bucket",
            [new Literal(ScalarValue.FromInterval(TimestampMicros.PerHour)), ts, new Literal(ScalarValue.FromInterval(15 * TimestampMicros.PerMinute))]));

        Assert.That(TimeBucketFunction.TryMatch(call, out var width, out var origin, out var timestamp), Is.True);
        Assert.That((width, origin, timestamp), Is.EqualTo((TimestampMicros.PerHour, TimeBucketFunction.DefaultOriginMicros + (15 * TimestampMicros.PerMinute), (BoundExpression)ts)));
    }
}
