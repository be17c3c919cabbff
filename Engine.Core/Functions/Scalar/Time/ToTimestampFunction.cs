using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>to_timestamp(seconds)</c>: the TIMESTAMP <c>seconds</c> (a DOUBLE, or a BIGINT cast to one) after
/// 1970-01-01 UTC, rounded to the microsecond (halves away from zero). DuckDB returns a
/// TIMESTAMP WITH TIME ZONE; Engine has no time zones and returns the same instant as a TIMESTAMP (UTC).
/// NULL for NULL; NaN, ±Infinity and values outside the TIMESTAMP range are an error.
/// </summary>
public sealed class ToTimestampFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "to_timestamp";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(1, 1, "to_timestamp(seconds)");
        if (context.TypeOf(0) == DataType.Int64)
        {
            context.Cast(0, DataType.Double);
        }

        TimeBinding.Require(context, 0, DataType.Double, "to_timestamp(seconds)");
        return new Kernel();
    }

    /// <summary>Microseconds of <paramref name="seconds"/> since 1970, rounded; false when not finite or out of range.</summary>
    internal static bool TryFromSeconds(double seconds, out long micros)
    {
        var scaled = Math.Round(seconds * TimestampMicros.PerSecond, MidpointRounding.AwayFromZero);
        if (double.IsFinite(scaled) && scaled >= long.MinValue && scaled < long.MaxValue)
        {
            micros = (long)scaled;
            return true;
        }

        micros = 0;
        return false;
    }

    private sealed class Kernel() : ScalarKernel(DataType.Timestamp)
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var column = (DoubleColumn)arguments.Evaluate(0);
            var source = column.Values;
            var values = new long[source.Length];
            for (var i = 0; i < values.Length; i++)
            {
                if (!TryFromSeconds(source[i], out values[i]) && !column.IsNull(i))
                {
                    throw new QueryExecutionException($"to_timestamp({source[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}): epoch seconds out of range for TIMESTAMP.");
                }
            }

            return new Int64Column(values, Validity.Copy(column), DataType.Timestamp);
        }
    }
}
