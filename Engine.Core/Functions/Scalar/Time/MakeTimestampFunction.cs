using System.Globalization;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>make_timestamp(year, month, day, hour, minute, seconds)</c>: the TIMESTAMP of those fields (five
/// BIGINTs and a DOUBLE of seconds, rounded to the microsecond), as in DuckDB: a month of 1 to 12, a day of
/// the month, an hour of 0 to 23 (or 24:00:00, the next midnight), a minute of 0 to 59 and seconds of 0 to
/// 60 (60 rolls over) are valid, anything else is an error. <c>make_timestamp(micros)</c>: the TIMESTAMP
/// that many microseconds after 1970. NULL when any argument is.
/// </summary>
public sealed class MakeTimestampFunction : ScalarFunction
{
    private const string Signature = "make_timestamp(year, month, day, hour, minute, seconds)";

    /// <inheritdoc />
    public override string Name => "make_timestamp";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        if (context.Count == 1)
        {
            TimeBinding.Require(context, 0, DataType.Int64, "make_timestamp(micros)");
            return new FromMicros();
        }

        context.RequireCount(6, 6, Signature);
        for (var i = 0; i < 5; i++)
        {
            TimeBinding.Require(context, i, DataType.Int64, Signature);
        }

        if (context.TypeOf(5) == DataType.Int64)
        {
            context.Cast(5, DataType.Double);
        }

        TimeBinding.Require(context, 5, DataType.Double, Signature);
        return new FromFields();
    }

    /// <summary>The microseconds of the fields; false with the reason when they name no valid timestamp.</summary>
    internal static bool TryMake(long year, long month, long day, long hour, long minute, double seconds, out long micros, out string? problem)
    {
        micros = 0;
        if (month is < 1 or > 12 || day < 1 || year is < -290_000 or > 295_000 || day > CivilCalendar.DaysInMonth(year, (int)month))
        {
            problem = $"date out of range: {year}-{month}-{day}";
            return false;
        }

        var whole = double.IsFinite(seconds) ? Math.Truncate(seconds) : double.NaN;
        var fraction = Math.Round((seconds - whole) * TimestampMicros.PerSecond, MidpointRounding.AwayFromZero);
        var secondMicros = (whole * TimestampMicros.PerSecond) + fraction;
        var midnight = hour == 24 && minute == 0 && secondMicros == 0;
        if (!midnight && (hour is < 0 or > 23 || minute is < 0 or > 59 || !(secondMicros >= 0) || secondMicros > 60 * TimestampMicros.PerSecond))
        {
            problem = $"time out of range: {hour}:{minute}:{seconds.ToString("R", CultureInfo.InvariantCulture)}";
            return false;
        }

        try
        {
            micros = checked((CivilCalendar.DaysOf(year, (int)month, (int)day) * TimestampMicros.PerDay) + (hour * TimestampMicros.PerHour)
                + (minute * TimestampMicros.PerMinute) + (long)secondMicros);
            problem = null;
            return true;
        }
        catch (OverflowException)
        {
            problem = $"{year}-{month}-{day} is outside the TIMESTAMP range";
            return false;
        }
    }

    private sealed class FromMicros() : ScalarKernel(DataType.Timestamp)
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var column = (Int64Column)arguments.Evaluate(0);
            return new Int64Column(column.Values.ToArray(), Validity.Copy(column), DataType.Timestamp);
        }
    }

    private sealed class FromFields() : ScalarKernel(DataType.Timestamp)
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var fields = new Int64Column[5];
            byte[]? validity = null;
            for (var f = 0; f < fields.Length; f++)
            {
                fields[f] = (Int64Column)arguments.Evaluate(f);
                validity = Combine(validity, fields[f]);
            }

            var seconds = (DoubleColumn)arguments.Evaluate(5);
            validity = Combine(validity, seconds);
            var years = fields[0].Values;
            var months = fields[1].Values;
            var days = fields[2].Values;
            var hours = fields[3].Values;
            var minutes = fields[4].Values;
            var secondValues = seconds.Values;
            var values = new long[arguments.RowCount];
            for (var i = 0; i < values.Length; i++)
            {
                if (validity is not null && !ValidityBitmap.Get(validity, i))
                {
                    continue;
                }

                if (!TryMake(years[i], months[i], days[i], hours[i], minutes[i], secondValues[i], out values[i], out var problem))
                {
                    throw new QueryExecutionException($"make_timestamp: {problem}.");
                }
            }

            return new Int64Column(values, validity, DataType.Timestamp);
        }

        private static byte[]? Combine(byte[]? validity, Column column)
        {
            if (!column.HasNulls)
            {
                return validity;
            }

            validity ??= ValidityBitmap.Create(column.Length, allValid: true);
            for (var i = 0; i < column.Length; i++)
            {
                if (column.IsNull(i))
                {
                    ValidityBitmap.Set(validity, i, false);
                }
            }

            return validity;
        }
    }
}
