using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution.Kernels;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary>
/// <c>a - b</c> over numbers, a TIMESTAMP minus an INTERVAL, INTERVALs, or two TIMESTAMPs (the INTERVAL
/// between them; see <see cref="ArithmeticBinding"/>), and unary <c>-a</c> (BIGINT negation fails for
/// −2⁶³, which has no positive counterpart).
/// </summary>
public sealed class SubtractFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "-";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        if (context.Count != 1)
        {
            return ArithmeticBinding.TryBindTemporal<SubtractOperation>(context, subtract: true, out var temporal)
                ? temporal
                : ArithmeticBinding.BindNumeric<SubtractOperation>(context);
        }

        var type = context.TypeOf(0);
        return type.Id switch
        {
            TypeId.Int64 or TypeId.Interval => new NegateInt64Kernel(type),
            TypeId.Double => new NegateDoubleKernel(),
            _ => throw context.Error(0, $"Cannot negate a {type.SqlName()}"),
        };
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) =>
        arguments.Count == 1 ? $"(-{arguments[0]})" : ArithmeticBinding.Infix(Name, arguments);

    private sealed class NegateInt64Kernel(DataType type) : ScalarKernel(type)
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var column = (Int64Column)arguments.Evaluate(0);
            var values = column.Values;
            var negated = new long[values.Length];
            for (var i = 0; i < negated.Length; i++)
            {
                if (values[i] == long.MinValue && !column.IsNull(i))
                {
                    throw new QueryExecutionException($"Overflow negating BIGINT {values[i]}.");
                }

                negated[i] = -values[i];
            }

            return new Int64Column(negated, Validity.Copy(column), ResultType);
        }
    }

    private sealed class NegateDoubleKernel() : ScalarKernel(DataType.Double)
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var column = (DoubleColumn)arguments.Evaluate(0);
            var values = column.Values;
            var negated = new double[values.Length];
            for (var i = 0; i < negated.Length; i++)
            {
                negated[i] = -values[i];
            }

            return new DoubleColumn(negated, Validity.Copy(column));
        }
    }
}
