using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary>
/// <c>a % b</c>: the remainder with the sign of the dividend. BIGINT <c>x % 0</c> is NULL (as in DuckDB)
/// and <c>x % -1</c> is 0, except that −2⁶³ % -1 fails as DuckDB's does (the quotient overflows); with a
/// DOUBLE side it is IEEE 754's remainder (fmod).
/// </summary>
public sealed class ModuloFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "%";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        ArithmeticBinding.RequireBinary(context, Name);
        ArithmeticBinding.RequireNumbers(context, Name);
        if (context.TypeOf(0) == DataType.Int64 && context.TypeOf(1) == DataType.Int64)
        {
            return new Int64ModuloKernel();
        }

        context.Cast(0, DataType.Double);
        context.Cast(1, DataType.Double);
        return new DoubleArithmeticKernel<DoubleModulo>();
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) => ArithmeticBinding.Infix(Name, arguments);

    private readonly struct DoubleModulo : IArithmeticOperation
    {
        public static string Symbol => "%";

        public static bool TryApply(long left, long right, out long result) => throw new NotSupportedException("Integer modulo has its own kernel.");

        public static double Apply(double left, double right) => left % right;
    }

    private sealed class Int64ModuloKernel() : ScalarKernel(DataType.Int64)
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
                if (r[i] == 0)
                {
                    validity ??= ValidityBitmap.Create(results.Length, allValid: true);
                    ValidityBitmap.Set(validity, i, false);
                }
                else if (r[i] != -1)
                {
                    results[i] = l[i] % r[i];
                }
                else if (l[i] == long.MinValue && (validity is null || ValidityBitmap.Get(validity, i)))
                {
                    throw new QueryExecutionException($"Overflow in division of {l[i]} / {r[i]}.");
                }
            }

            return new Int64Column(results, validity);
        }
    }
}
