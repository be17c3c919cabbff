using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;
using Engine.Core.Expressions;
using Engine.Core.Sql;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>time_bucket(width, ts)</c>: the start of the bucket that holds <c>ts</c>, computed as
/// origin + floor((ts − origin) / width) × width, so times before the origin or 1970 land in the right
/// bucket. The width is a constant positive INTERVAL (or text such as <c>'5m'</c>); the origin is DuckDB's
/// default for widths in days or smaller units, 2000-01-03 (a Monday). DuckDB's three-argument forms take a
/// constant third argument: <c>time_bucket(width, ts, origin)</c> with a TIMESTAMP origin, and
/// <c>time_bucket(width, ts, offset)</c> with an INTERVAL that shifts the default origin (buckets start
/// <c>offset</c> after it); a NULL origin or offset makes every bucket NULL.
/// </summary>
public sealed class TimeBucketFunction : ScalarFunction
{
    /// <summary>DuckDB's default origin for time_bucket with a width in days, hours or smaller units.</summary>
    public const long DefaultOriginMicros = 946_857_600_000_000;

    /// <inheritdoc />
    public override string Name => "time_bucket";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(2, 3, "time_bucket(interval, ts[, origin or offset])");
        long width;
        if (context.TryGetConstant(0, out var constant) && constant is { IsNull: false, Type.Id: TypeId.Interval })
        {
            width = constant.Int64Value;
        }
        else if (context.TryGetConstant(0, out constant) && constant is { IsNull: false, Type.Id: TypeId.String })
        {
            width = IntervalParser.TryParse(constant.StringValue, out var micros, out var problem) ? micros : throw context.Error(0, problem);
            context.Replace(0, new Literal(ScalarValue.FromInterval(width)));
        }
        else
        {
            throw context.Error(0, "time_bucket needs a constant interval such as '1 minute', '5m' or INTERVAL '1 hour' as its first argument");
        }

        if (width <= 0)
        {
            throw context.Error(0, $"time_bucket needs a positive interval, got {context.Arguments[0]}");
        }

        if (context.TypeOf(1) != DataType.Timestamp)
        {
            throw context.Error(1, $"time_bucket needs a TIMESTAMP as its second argument, got {context.TypeOf(1).SqlName()}");
        }

        if (context.Count == 2)
        {
            return new Kernel(width, DefaultOriginMicros);
        }

        if (!context.TryGetConstant(2, out var third) || third.Type.Id is not (TypeId.Timestamp or TypeId.Interval) && !third.IsNull)
        {
            throw context.Error(2, $"time_bucket needs a constant TIMESTAMP origin or INTERVAL offset as its third argument, such as TIMESTAMP '2024-01-01 00:30' or INTERVAL '15 minutes', got {context.Arguments[2]}");
        }

        if (third.IsNull)
        {
            return new NullKernel(DataType.Timestamp);
        }

        if (third.Type.Id == TypeId.Timestamp)
        {
            return new Kernel(width, third.Int64Value);
        }

        var offset = third.Int64Value;
        return offset <= long.MaxValue - DefaultOriginMicros && offset >= long.MinValue + DefaultOriginMicros
            ? new Kernel(width, DefaultOriginMicros + offset)
            : throw context.Error(2, $"time_bucket's offset {context.Arguments[2]} moves the origin outside the TIMESTAMP range");
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) =>
        arguments is [Literal { Value: { IsNull: false, Type.Id: TypeId.Interval } width }, var ts]
            ? $"time_bucket({width.Int64Value}us, {ts})"
            : base.Format(arguments);

    /// <summary>True with the bucket's width and origin when <paramref name="expression"/> is a time_bucket call.</summary>
    public static bool TryMatch(BoundExpression expression, out long widthMicros, out long originMicros, out BoundExpression timestamp)
    {
        if (expression is FunctionExpression { Kernel: Kernel kernel } call)
        {
            widthMicros = kernel.WidthMicros;
            originMicros = kernel.OriginMicros;
            timestamp = call.Arguments[1];
            return true;
        }

        widthMicros = 0;
        originMicros = 0;
        timestamp = expression;
        return false;
    }

    /// <summary>origin + floor((ts − origin) / width) × width: the start of the bucket holding <paramref name="timestamp"/>.</summary>
    public static long BucketStart(long timestamp, long width, long origin)
    {
        var offset = TimestampMicros.FloorMod(timestamp - origin, width);
        return timestamp - offset;
    }

    private sealed class Kernel(long widthMicros, long originMicros) : ScalarKernel(DataType.Timestamp)
    {
        public long WidthMicros { get; } = widthMicros;

        public long OriginMicros { get; } = originMicros;

        public override Column Evaluate(ScalarArguments arguments)
        {
            var timestamps = (Int64Column)arguments.Evaluate(1);
            var source = timestamps.Values;
            var values = new long[source.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BucketStart(source[i], WidthMicros, OriginMicros);
            }

            return new Int64Column(values, Validity.Copy(timestamps), DataType.Timestamp);
        }
    }
}
