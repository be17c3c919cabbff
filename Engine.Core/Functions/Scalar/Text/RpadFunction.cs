using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>rpad(s, width, fill)</c>: VARCHAR, <c>s</c> padded on the right with <c>fill</c> (repeated) to <c>width</c>
/// code points, or cut to its first <c>width</c>; empty for a negative width. An empty fill where padding is
/// needed is a <see cref="Errors.QueryExecutionException"/> ("Insufficient padding"), as in DuckDB.
/// </summary>
public sealed class RpadFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "rpad";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 3, "VARCHAR", DataType.String, DataType.Int64, DataType.String);
        return new TextKernel(DataType.String, context, static a => ScalarValue.FromString(TextPad.Pad(a[0].StringValue, a[1].Int64Value, a[2].StringValue, left: false)));
    }
}
