using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>left(s, n)</c>: VARCHAR, the first <c>n</c> code points of <c>s</c> (all of it when shorter); a negative
/// <c>n</c> drops that many from the end, as in DuckDB.
/// </summary>
public sealed class LeftFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "left";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 2, "VARCHAR", DataType.String, DataType.Int64);
        return new TextKernel(DataType.String, context, static a =>
        {
            var text = a[0].StringValue;
            var n = a[1].Int64Value;
            var keep = n >= 0 ? n : Math.Max(CodePoints.Count(text) + n, 0);
            return ScalarValue.FromString(CodePoints.Slice(text, 0, keep));
        });
    }
}
