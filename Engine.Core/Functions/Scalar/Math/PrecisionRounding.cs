using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>The binding and kernels of <c>round(x, n)</c> and <c>trunc(x, n)</c>.</summary>
internal static class PrecisionRounding
{
    /// <summary>10⁰ … 10¹⁸, the powers of ten a BIGINT holds.</summary>
    public static ReadOnlySpan<long> PowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000, 100_000_000_000,
        1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000, 10_000_000_000_000_000,
        100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    /// <summary>
    /// The kernel of <c>f(x)</c> or <c>f(x, n)</c>: a BIGINT stays a BIGINT and a DOUBLE a DOUBLE; <c>n</c> is an
    /// integer in INTEGER's range (DuckDB's precision type; a constant is checked here, a column per row), or a
    /// text constant holding one.
    /// </summary>
    public static ScalarKernel Bind<TMode, TWhole>(ScalarBindContext context)
        where TMode : struct, IRoundingMode
        where TWhole : struct, IUnaryOperation<double, double>
    {
        context.RequireCount(1, 2, $"{context.Name}(x[, n])");
        MathBinding.RequireNumber(context, 0);
        var type = context.TypeOf(0);
        if (context.Count == 1)
        {
            return type == DataType.Int64 ? new IdentityKernel(type) : new UnaryKernel<double, double, TWhole>(type);
        }

        if (context.TryGetConstant(1, out var text) && text is { IsNull: false, Type.Id: TypeId.String })
        {
            // DuckDB reads a text constant as the INTEGER number of digits (round(x, '1')).
            context.Cast(1, DataType.Int64);
        }

        if (context.TypeOf(1) != DataType.Int64)
        {
            throw context.Error(1, $"{context.Name}(x, n) needs an integer number of digits, got {context.TypeOf(1).SqlName()}");
        }

        if (context.TryGetConstant(1, out var digits) && !digits.IsNull && OutOfRange(digits.Int64Value))
        {
            throw context.Error(1, OutOfRangeMessage<TMode>(digits.Int64Value));
        }

        return type == DataType.Int64 ? new Int64Kernel<TMode>() : new DoubleKernel<TMode>();
    }

    private static bool OutOfRange(long digits) => digits is < int.MinValue or > int.MaxValue;

    private static string OutOfRangeMessage<TMode>(long digits)
        where TMode : struct, IRoundingMode =>
        $"{TMode.Name}() takes a number of digits in INTEGER range, got {digits}";

    private sealed class DoubleKernel<TMode>() : ScalarKernel(DataType.Double)
        where TMode : struct, IRoundingMode
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var values = arguments.Evaluate(0);
            var precisions = arguments.Evaluate(1);
            var validity = Validity.Combine(values, precisions);
            var x = ((DoubleColumn)values).Values;
            var n = ((Int64Column)precisions).Values;
            var results = new double[x.Length];

            // 10^|n| for the last n seen: one pow per run of equal precisions (one per batch for a constant).
            var last = 0L;
            var modifier = 1.0;
            for (var i = 0; i < results.Length; i++)
            {
                if (validity is not null && !ValidityBitmap.Get(validity, i))
                {
                    continue;
                }

                var digits = n[i];
                if (digits != last)
                {
                    if (OutOfRange(digits))
                    {
                        throw new QueryExecutionException(OutOfRangeMessage<TMode>(digits) + ".");
                    }

                    modifier = double.Pow(10, long.Abs(digits));
                    last = digits;
                }

                double rounded;
                if (digits < 0)
                {
                    rounded = TMode.Apply(x[i] / modifier) * modifier;
                    results[i] = double.IsFinite(rounded) ? rounded : TMode.NotFiniteWithNegativePrecision(x[i]);
                }
                else
                {
                    rounded = TMode.Apply(x[i] * modifier) / modifier;
                    results[i] = double.IsFinite(rounded) ? rounded : x[i];
                }
            }

            return new DoubleColumn(results, validity);
        }
    }

    private sealed class Int64Kernel<TMode>() : ScalarKernel(DataType.Int64)
        where TMode : struct, IRoundingMode
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var values = arguments.Evaluate(0);
            var precisions = arguments.Evaluate(1);
            var validity = Validity.Combine(values, precisions);
            var x = ((Int64Column)values).Values;
            var n = ((Int64Column)precisions).Values;
            var results = new long[x.Length];
            for (var i = 0; i < results.Length; i++)
            {
                if (validity is not null && !ValidityBitmap.Get(validity, i))
                {
                    continue;
                }

                var digits = n[i];
                if (digits >= 0)
                {
                    results[i] = x[i];
                    continue;
                }

                if (OutOfRange(digits))
                {
                    throw new QueryExecutionException(OutOfRangeMessage<TMode>(digits) + ".");
                }

                if (!TMode.TryApply(x[i], -digits, out results[i]))
                {
                    throw new QueryExecutionException($"Overflow in {TMode.Name}({x[i]}, {digits}): the result does not fit in a BIGINT.");
                }
            }

            return new Int64Column(results, validity);
        }
    }
}
