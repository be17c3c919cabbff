using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>right(s, n)</c>: VARCHAR, the last <c>n</c> code points of <c>s</c> (all of it when shorter); a negative
/// <c>n</c> drops that many from the start, as in DuckDB.
/// </summary>
public sealed class RightFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "right";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 2, "VARCHAR", DataType.String, DataType.Int64);
        return new TextKernel(DataType.String, context, static a =>
        {
            var text = a[0].StringValue;
            var n = a[1].Int64Value;
            long count = CodePoints.Count(text);
            var keep = n >= 0 ? Math.Min(n, count) : Math.Max(count + n, 0);
            return ScalarValue.FromString(CodePoints.Slice(text, count - keep, count));
        });
    }
}
