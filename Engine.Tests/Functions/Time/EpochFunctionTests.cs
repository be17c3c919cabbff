using Engine.Core.Columns;
using Engine.Core.Errors;

namespace Engine.Tests.Functions.Time;

/// <summary>epoch, epoch_ms, epoch_us, epoch_ns and their inverses to_timestamp, epoch_ms(BIGINT) and make_timestamp.</summary>
public sealed class EpochFunctionTests
{
    [Test]
    public async Task Epoch_IsDoubleSeconds() =>
        Assert.That(await TimeSql.EvaluateAsync("epoch(TIMESTAMP '2024-01-01 00:00:07.25')"), Is.EqualTo((DataType.Double, ScalarValue.FromDouble(1_704_067_207.25))));

    [Test]
    public async Task EpochMsUsNs_AreBigints() =>
        Assert.That(
            (await TimeSql.EvaluateAsync("epoch_ms(TIMESTAMP '1970-01-01 00:00:01.5')"), await TimeSql.EvaluateAsync("epoch_us(TIMESTAMP '1970-01-01 00:00:01.5')"),
                await TimeSql.EvaluateAsync("epoch_ns(TIMESTAMP '1970-01-01 00:00:01.5')")),
            Is.EqualTo((
                (DataType.Int64, ScalarValue.FromInt64(1_500)), (DataType.Int64, ScalarValue.FromInt64(1_500_000)), (DataType.Int64, ScalarValue.FromInt64(1_500_000_000)))));

    [Test]
    public async Task EpochMsBefore1970_TruncatesTowardZero() =>
        Assert.That(
            (await TimeSql.Int64Async("epoch_ms(TIMESTAMP '1969-12-31 23:59:59.5')"), await TimeSql.Int64Async("epoch_ms(TIMESTAMP '1969-12-31 23:59:59.9995')")),
            Is.EqualTo((-500L, 0L)));

    [Test]
    public async Task EpochFormsOfAnInterval_AreItsLength() =>
        Assert.That(
            ((await TimeSql.EvaluateAsync("epoch(INTERVAL '90 minutes')")).Value.DoubleValue, await TimeSql.Int64Async("epoch_ms(INTERVAL '1 second')"),
                await TimeSql.Int64Async("epoch_us(INTERVAL '1 second')"), await TimeSql.Int64Async("epoch_ns(INTERVAL '1 second')")),
            Is.EqualTo((5_400.0, 1_000L, 1_000_000L, 1_000_000_000L)));

    [Test]
    public void EpochNsAfter2262_IsAnOverflowError()
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => TimeSql.RunAsync("epoch_ns(TIMESTAMP '2300-01-01')"));
        Assert.That(error!.Message, Does.Contain("does not fit in a BIGINT of nanoseconds"));
    }

    [Test]
    public async Task EpochMsOfABigint_IsATimestamp() =>
        Assert.That(
            (await TimeSql.EvaluateAsync("epoch_ms(-1500)")),
            Is.EqualTo((DataType.Timestamp, ScalarValue.FromTimestamp(-1_500_000))));

    [Test]
    public async Task EpochMsOfNull_IsANullTimestamp() =>
        Assert.That((await TimeSql.EvaluateAsync("epoch_ms(NULL)")).Value, Is.EqualTo(ScalarValue.Null(DataType.Timestamp)));

    [Test]
    public void EpochMsBeyondTheTimestampRange_IsAnError()
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => TimeSql.RunAsync("epoch_ms(9223372036854775807)"));
        Assert.That(error!.Message, Does.Contain("is outside the TIMESTAMP range"));
    }

    [Test]
    public void EpochOfANumber_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("epoch(1.5)"));
        Assert.That(error!.Message, Does.Contain("epoch(ts) needs a TIMESTAMP as argument 1, got DOUBLE"));
    }

    [TestCase("1.5", "1970-01-01T00:00:01.5Z")]
    [TestCase("-1.5", "1969-12-31T23:59:58.5Z")]
    [TestCase("1.0000005", "1970-01-01T00:00:01.000001Z")]
    [TestCase("-1.0000005", "1969-12-31T23:59:58.999999Z")]
    [TestCase("1700000000", "2023-11-14T22:13:20Z")]
    public async Task ToTimestamp_RoundsSecondsToTheMicrosecond(string seconds, string expected) =>
        Assert.That(await TimeSql.EvaluateAsync($"to_timestamp({seconds})"), Is.EqualTo((DataType.Timestamp, ScalarValue.FromTimestamp(TimestampMicros.Parse(expected)))));

    [Test]
    public async Task ToTimestampOfNull_IsNull() =>
        Assert.That((await TimeSql.EvaluateAsync("to_timestamp(NULL)")).Value, Is.EqualTo(ScalarValue.Null(DataType.Timestamp)));

    [TestCase("1e20")]
    [TestCase("'NaN'::DOUBLE")]
    [TestCase("'Infinity'::DOUBLE")]
    public void ToTimestampOutOfRange_IsAnError(string seconds)
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => TimeSql.RunAsync($"to_timestamp({seconds})"));
        Assert.That(error!.Message, Does.Contain("epoch seconds out of range for TIMESTAMP"));
    }

    [TestCase("2024, 2, 29, 23, 59, 59.5", "2024-02-29T23:59:59.5Z")]
    [TestCase("2024, 2, 29, 24, 0, 0", "2024-03-01T00:00:00Z")]
    [TestCase("2024, 2, 29, 23, 59, 60", "2024-03-01T00:00:00Z")]
    [TestCase("1969, 12, 31, 23, 59, 59.9999999", "1970-01-01T00:00:00Z")]
    [TestCase("1900, 1, 1, 0, 0, 0", "1900-01-01T00:00:00Z")]
    [TestCase("2024, 1, 1, 1, 1, 1", "2024-01-01T01:01:01Z")]
    public async Task MakeTimestamp_BuildsTheTimestampOfTheFields(string fields, string expected) =>
        Assert.That(await TimeSql.EvaluateAsync($"make_timestamp({fields})"), Is.EqualTo((DataType.Timestamp, ScalarValue.FromTimestamp(TimestampMicros.Parse(expected)))));

    [Test]
    public async Task MakeTimestampOfMicros_IsThatTimestamp() =>
        Assert.That((await TimeSql.EvaluateAsync("make_timestamp(-1500000)")).Value, Is.EqualTo(ScalarValue.FromTimestamp(-1_500_000)));

    [Test]
    public async Task MakeTimestampWithANullField_IsNull() =>
        Assert.That((await TimeSql.EvaluateAsync("make_timestamp(2024, 1, NULL, 1, 1, 1)")).Value, Is.EqualTo(ScalarValue.Null(DataType.Timestamp)));

    [TestCase("2023, 2, 29, 0, 0, 0", "date out of range: 2023-2-29")]
    [TestCase("2024, 13, 1, 0, 0, 0", "date out of range: 2024-13-1")]
    [TestCase("2024, 1, 0, 0, 0, 0", "date out of range: 2024-1-0")]
    [TestCase("2024, 1, 1, 24, 0, 0.5", "time out of range: 24:0:0.5")]
    [TestCase("2024, 1, 1, 23, 60, 0", "time out of range: 23:60:0")]
    [TestCase("2024, 1, 1, 0, 0, 61", "time out of range: 0:0:61")]
    [TestCase("2024, 1, 1, 0, 0, -1", "time out of range: 0:0:-1")]
    public void MakeTimestampOfInvalidFields_IsAnErrorNamingThem(string fields, string problem)
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => TimeSql.RunAsync($"make_timestamp({fields})"));
        Assert.That(error!.Message, Does.Contain(problem));
    }

    [Test]
    public void MakeTimestampWithADoubleYear_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => TimeSql.RunAsync("make_timestamp(2024.5, 1, 1, 0, 0, 0)"));
        Assert.That(error!.Message, Does.Contain("needs a BIGINT as argument 1, got DOUBLE"));
    }
}
