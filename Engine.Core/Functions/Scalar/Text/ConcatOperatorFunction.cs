using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// The operator <c>a || b</c>: VARCHAR, the text of <c>a</c> followed by the text of <c>b</c>; NULL when either
/// is NULL (unlike concat), as in DuckDB. Operands of any type are converted to their text.
/// </summary>
public sealed class ConcatOperatorFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "||";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        if (context.Count != 2)
        {
            throw context.Error($"Operator '||' takes 2 operands, got {context.Count}");
        }

        TextBinding.CastAllToText(context);
        return new TextKernel(DataType.String, context, static a => ScalarValue.FromString(string.Concat(a[0].StringValue, a[1].StringValue)));
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) =>
        arguments.Count == 2 ? $"({arguments[0]} || {arguments[1]})" : base.Format(arguments);
}
