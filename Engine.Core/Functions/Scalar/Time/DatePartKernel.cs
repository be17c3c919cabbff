using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// One date part of a TIMESTAMP column (or the epoch of an INTERVAL column): BIGINT, or DOUBLE for epoch
/// and julian; NULL where the argument is. Shared by date_part, extract and the one-part functions.
/// </summary>
internal sealed class DatePartKernel(DatePart part, int argument) : ScalarKernel(DateParts.IsDouble(part) ? DataType.Double : DataType.Int64)
{
    /// <summary>The part extracted.</summary>
    public DatePart Part { get; } = part;

    public override Column Evaluate(ScalarArguments arguments)
    {
        var column = (Int64Column)arguments.Evaluate(argument);
        var source = column.Values;
        var validity = Validity.Copy(column);
        if (DateParts.IsDouble(Part))
        {
            var doubles = new double[source.Length];
            for (var i = 0; i < doubles.Length; i++)
            {
                doubles[i] = DateParts.ExtractDouble(Part, source[i]);
            }

            return new DoubleColumn(doubles, validity);
        }

        var values = new long[source.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = DateParts.Extract(Part, source[i]);
        }

        return new Int64Column(values, validity);
    }
}
