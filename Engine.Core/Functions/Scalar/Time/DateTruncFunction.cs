using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>date_trunc(part, ts)</c> (also <c>datetrunc</c>): the start of the <c>part</c> that holds <c>ts</c>,
/// as a TIMESTAMP (DuckDB 1.5 returns TIMESTAMP for a TIMESTAMP argument). The part is a constant text:
/// microsecond, millisecond, second, minute, hour, day, week (the ISO week, from Monday), month, quarter,
/// year, decade, century, millennium, isoyear (the Monday of ISO week 1), and DuckDB's other specifiers
/// (dow, doy and julian truncate to the day, epoch to the second, yearweek to the week); <c>era</c> is
/// refused. Floors, so times before 1970 land in the right unit. A NULL part or timestamp gives NULL.
/// Truncation to a unit of fixed length (microsecond to day, and the week) is bound as the equal
/// <c>time_bucket</c> call, so grouping by it takes time_bucket's run-length path.
/// </summary>
public sealed class DateTruncFunction : ScalarFunction
{
    private static readonly TimeBucketFunction s_timeBucket = new();

    /// <inheritdoc />
    public override string Name => "date_trunc";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["datetrunc"];

    /// <inheritdoc />
    public override BoundExpression? Expand(ScalarBindContext context)
    {
        context.RequireCount(2, 2, "date_trunc(part, ts)");
        var part = TimeBinding.RequirePart(context, 0, "date_trunc");
        TimeBinding.RequireTimestamp(context, 1, "date_trunc(part, ts)");
        long? width = part switch
        {
            DatePart.Microseconds => 1,
            DatePart.Milliseconds => 1_000,
            DatePart.Second or DatePart.Epoch => TimestampMicros.PerSecond,
            DatePart.Minute => TimestampMicros.PerMinute,
            DatePart.Hour => TimestampMicros.PerHour,
            DatePart.Day or DatePart.DayOfWeek or DatePart.IsoDayOfWeek or DatePart.DayOfYear or DatePart.Julian => TimestampMicros.PerDay,
            DatePart.Week or DatePart.YearWeek => 7 * TimestampMicros.PerDay,
            _ => null,
        };

        // time_bucket's default origin, 2000-01-03, is a Monday at midnight: its buckets of these widths are the units.
        return width is { } micros
            ? FunctionExpression.Bind(s_timeBucket, new ScalarBindContext(s_timeBucket.Name, [new Literal(ScalarValue.FromInterval(micros)), context.Arguments[1]]))
            : null;
    }

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(2, 2, "date_trunc(part, ts)");
        var part = TimeBinding.RequirePart(context, 0, "date_trunc");
        TimeBinding.RequireTimestamp(context, 1, "date_trunc(part, ts)");
        if (part is not { } known)
        {
            return new NullKernel(DataType.Timestamp);
        }

        return DateParts.CanTruncate(known)
            ? new Kernel(known)
            : throw context.Error(0, $"date_trunc cannot truncate to {context.Arguments[0]}; use one of microsecond, millisecond, second, minute, hour, day, week, month, quarter, year, decade, century, millennium");
    }

    private sealed class Kernel(DatePart part) : ScalarKernel(DataType.Timestamp)
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var column = (Int64Column)arguments.Evaluate(1);
            var source = column.Values;
            var values = new long[source.Length];
            for (var i = 0; i < values.Length; i++)
            {
                if (!TryTruncate(source[i], out values[i]) && !column.IsNull(i))
                {
                    throw new QueryExecutionException($"date_trunc('{part.ToString().ToLowerInvariant()}', …) of {source[i]}us since 1970 is before the first TIMESTAMP.");
                }
            }

            return new Int64Column(values, Validity.Copy(column), DataType.Timestamp);
        }

        private bool TryTruncate(long micros, out long result)
        {
            try
            {
                result = DateParts.Truncate(part, micros);
                return true;
            }
            catch (OverflowException)
            {
                result = 0;
                return false;
            }
        }
    }
}
