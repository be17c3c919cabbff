using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary>
/// An INTERVAL scaled by a number, as in DuckDB 1.5: <c>interval * n</c> and <c>n * interval</c> (BIGINT
/// exactly, DOUBLE rounded to the microsecond, halves to even) and <c>interval / x</c> (x a DOUBLE or a BIGINT
/// cast to one; rounded the same way; NULL when x is 0). Overflow, and a NaN factor, is an error; NULL where
/// either side is.
/// </summary>
internal static class IntervalScaling
{
    /// <summary>The kernel for <c>*</c> when an operand is an INTERVAL; false when neither is.</summary>
    public static bool TryBindMultiply(ScalarBindContext context, [NotNullWhen(true)] out ScalarKernel? kernel)
    {
        ArithmeticBinding.RequireBinary(context, "*");
        var left = context.TypeOf(0);
        var right = context.TypeOf(1);
        if (left != DataType.Interval && right != DataType.Interval)
        {
            kernel = null;
            return false;
        }

        var intervalIndex = left == DataType.Interval ? 0 : 1;
        var factorIndex = 1 - intervalIndex;
        kernel = BindFactor(context, intervalIndex, factorIndex, "*", divide: false);
        return true;
    }

    /// <summary>The kernel for <c>/</c> when the dividend is an INTERVAL; false when it is not.</summary>
    public static bool TryBindDivide(ScalarBindContext context, [NotNullWhen(true)] out ScalarKernel? kernel)
    {
        ArithmeticBinding.RequireBinary(context, "/");
        if (context.TypeOf(0) != DataType.Interval)
        {
            kernel = null;
            return false;
        }

        kernel = BindFactor(context, 0, 1, "/", divide: true);
        if (kernel is Int64FactorKernel)
        {
            context.Cast(1, DataType.Double);
            kernel = new DoubleFactorKernel(0, 1, divide: true);
        }

        return true;
    }

    private static ScalarKernel BindFactor(ScalarBindContext context, int intervalIndex, int factorIndex, string symbol, bool divide)
    {
        if (context.Arguments[factorIndex] is Literal { Value.IsNull: true } || context.Arguments[intervalIndex] is Literal { Value.IsNull: true })
        {
            return new NullIntervalKernel();
        }

        var factor = context.TypeOf(factorIndex);
        if (factor == DataType.Int64)
        {
            return new Int64FactorKernel(intervalIndex, factorIndex);
        }

        if (factor == DataType.Double)
        {
            return new DoubleFactorKernel(intervalIndex, factorIndex, divide);
        }

        throw context.Error(factorIndex, divide
            ? $"An INTERVAL can only be divided by a number, not by {factor.SqlName()}"
            : $"Operator '{symbol}' can only scale an INTERVAL by a number, not combine it with {factor.SqlName()}");
    }

    private sealed class NullIntervalKernel() : ScalarKernel(DataType.Interval)
    {
        public override Column Evaluate(ScalarArguments arguments) => ConstantColumn.Broadcast(ScalarValue.Null(DataType.Interval), arguments.RowCount);
    }

    private sealed class Int64FactorKernel(int intervalIndex, int factorIndex) : ScalarKernel(DataType.Interval)
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var interval = arguments.Evaluate(intervalIndex);
            var factor = arguments.Evaluate(factorIndex);
            var validity = Validity.Combine(interval, factor);
            var micros = ((Int64Column)interval).Values;
            var factors = ((Int64Column)factor).Values;
            var results = new long[micros.Length];
            for (var i = 0; i < results.Length; i++)
            {
                var high = Math.BigMul(micros[i], factors[i], out results[i]);
                if (high != (results[i] >> 63) && (validity is null || ValidityBitmap.Get(validity, i)))
                {
                    throw new QueryExecutionException($"Overflow in multiplication of INTERVAL: {IntervalText.Format(micros[i])} * {factors[i]}.");
                }
            }

            return new Int64Column(results, validity, DataType.Interval);
        }
    }

    private sealed class DoubleFactorKernel(int intervalIndex, int factorIndex, bool divide) : ScalarKernel(DataType.Interval)
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var interval = arguments.Evaluate(intervalIndex);
            var factor = arguments.Evaluate(factorIndex);
            var validity = Validity.Combine(interval, factor);
            var micros = ((Int64Column)interval).Values;
            var factors = ((DoubleColumn)factor).Values;
            var results = new long[micros.Length];
            for (var i = 0; i < results.Length; i++)
            {
                if (validity is not null && !ValidityBitmap.Get(validity, i))
                {
                    continue;
                }

                if (divide && factors[i] == 0)
                {
                    validity ??= ValidityBitmap.Create(results.Length, allValid: true);
                    ValidityBitmap.Set(validity, i, false);
                    continue;
                }

                var scaled = Math.Round(divide ? micros[i] / factors[i] : micros[i] * factors[i]);
                if (!(scaled >= long.MinValue && scaled < long.MaxValue))
                {
                    var op = divide ? "division" : "multiplication";
                    throw new QueryExecutionException(
                        $"Overflow in {op} of INTERVAL: {IntervalText.Format(micros[i])} {(divide ? "/" : "*")} {factors[i].ToString("R", CultureInfo.InvariantCulture)}.");
                }

                results[i] = (long)scaled;
            }

            return new Int64Column(results, validity, DataType.Interval);
        }
    }
}
