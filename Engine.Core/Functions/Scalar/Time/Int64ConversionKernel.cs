using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>Applies <typeparamref name="TConversion"/> to a column stored as 64-bit integers; NULL where it is, an error where a value does not fit.</summary>
internal sealed class Int64ConversionKernel<TConversion>(DataType resultType, int argument = 0) : ScalarKernel(resultType)
    where TConversion : struct, IInt64Conversion
{
    public override Column Evaluate(ScalarArguments arguments)
    {
        var column = (Int64Column)arguments.Evaluate(argument);
        var source = column.Values;
        var values = new long[source.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!TConversion.TryConvert(source[i], out values[i]) && !column.IsNull(i))
            {
                throw new QueryExecutionException(TConversion.OutOfRange(source[i]));
            }
        }

        return new Int64Column(values, Validity.Copy(column), ResultType);
    }
}
