using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>f(x)</c> over a column of <typeparamref name="TIn"/> into a column of <typeparamref name="TOut"/>:
/// NULL where x is; a value without a result fails the query unless its row is NULL.
/// </summary>
internal sealed class UnaryKernel<TIn, TOut, TOperation>(DataType resultType) : ScalarKernel(resultType)
    where TIn : unmanaged
    where TOut : unmanaged
    where TOperation : struct, IUnaryOperation<TIn, TOut>
{
    public override Column Evaluate(ScalarArguments arguments)
    {
        var column = arguments.Evaluate(0);
        var values = MathColumns.Values<TIn>(column);
        var results = new TOut[values.Length];
        for (var i = 0; i < results.Length; i++)
        {
            if (TOperation.Error(values[i]) is { } message && !column.IsNull(i))
            {
                throw new QueryExecutionException(message);
            }

            results[i] = TOperation.Apply(values[i]);
        }

        return MathColumns.Create(results, Validity.Copy(column), ResultType);
    }
}

/// <summary><c>f(a, b)</c> over two DOUBLE columns: NULL where either side is; a pair without a result fails the query unless its row is NULL.</summary>
internal sealed class DoubleBinaryKernel<TOperation>() : ScalarKernel(DataType.Double)
    where TOperation : struct, IBinaryDoubleOperation
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
            if (TOperation.Error(l[i], r[i]) is { } message && (validity is null || ValidityBitmap.Get(validity, i)))
            {
                throw new QueryExecutionException(message);
            }

            results[i] = TOperation.Apply(l[i], r[i]);
        }

        return new DoubleColumn(results, validity);
    }
}

/// <summary><c>test(x)</c> over a column of <typeparamref name="TIn"/> into a BOOLEAN column, NULL where x is.</summary>
internal sealed class PredicateKernel<TIn, TPredicate>() : ScalarKernel(DataType.Bool)
    where TIn : unmanaged
    where TPredicate : struct, IUnaryPredicate<TIn>
{
    public override Column Evaluate(ScalarArguments arguments)
    {
        var column = arguments.Evaluate(0);
        var values = MathColumns.Values<TIn>(column);
        var bits = new byte[ValidityBitmap.ByteCount(values.Length)];
        for (var i = 0; i < values.Length; i++)
        {
            if (TPredicate.Test(values[i]))
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }

        return new BoolColumn(bits, values.Length, Validity.Copy(column));
    }
}

/// <summary>The argument itself: round or trunc of a BIGINT, which is already whole.</summary>
internal sealed class IdentityKernel(DataType type) : ScalarKernel(type)
{
    public override Column Evaluate(ScalarArguments arguments) => arguments.Evaluate(0);
}
