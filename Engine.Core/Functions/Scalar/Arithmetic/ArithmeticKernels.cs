using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary>BIGINT (or TIMESTAMP ± microseconds) op BIGINT, failing on overflow; NULL where either side is.</summary>
internal sealed class Int64ArithmeticKernel<TOperation>(DataType resultType) : ScalarKernel(resultType)
    where TOperation : struct, IArithmeticOperation
{
    public override Column Evaluate(ScalarArguments arguments)
    {
        var left = arguments.Evaluate(0);
        var right = arguments.Evaluate(1);
        var validity = Validity.Combine(left, right);
        var l = ((Int64Column)left).Values;
        var r = ((Int64Column)right).Values;
        var results = new long[l.Length];
        for (var i = 0; i < results.Length; i++)
        {
            if (!TOperation.TryApply(l[i], r[i], out results[i]) && (validity is null || ValidityBitmap.Get(validity, i)))
            {
                throw new QueryExecutionException($"Overflow in BIGINT arithmetic: {l[i]} {TOperation.Symbol} {r[i]}.");
            }
        }

        return new Int64Column(results, validity, ResultType);
    }
}

/// <summary>DOUBLE op DOUBLE in IEEE 754 arithmetic; NULL where either side is.</summary>
internal sealed class DoubleArithmeticKernel<TOperation>() : ScalarKernel(DataType.Double)
    where TOperation : struct, IArithmeticOperation
{
    public override Column Evaluate(ScalarArguments arguments)
    {
        var left = arguments.Evaluate(0);
        var right = arguments.Evaluate(1);
        var validity = Validity.Combine(left, right);
        var l = ((DoubleColumn)left).Values;
        var r = ((DoubleColumn)right).Values;
        var results = new double[l.Length];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = TOperation.Apply(l[i], r[i]);
        }

        return new DoubleColumn(results, validity);
    }
}
