using System.Text;
using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>repeat(s, n)</c>: VARCHAR, <c>s</c> repeated <c>n</c> times (empty for <c>n</c> ≤ 0). A result longer than
/// 2²⁸ characters is a <see cref="Errors.QueryExecutionException"/>.
/// </summary>
public sealed class RepeatFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "repeat";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 2, "VARCHAR", DataType.String, DataType.Int64);
        return new TextKernel(DataType.String, context, static a =>
        {
            var text = a[0].StringValue;
            var count = a[1].Int64Value;
            if (count <= 0 || text.Length == 0)
            {
                return ScalarValue.FromString(string.Empty);
            }

            TextLimits.Check("repeat", count > TextLimits.MaxLength ? count : text.Length * count);
            return ScalarValue.FromString(new StringBuilder(text.Length * (int)count).Insert(0, text, (int)count).ToString());
        });
    }
}
