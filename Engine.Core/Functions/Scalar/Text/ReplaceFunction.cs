using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>replace(s, from, to)</c>: VARCHAR, <c>s</c> with every occurrence of <c>from</c> replaced by <c>to</c>,
/// left to right without overlaps (ordinal); an empty <c>from</c> leaves <c>s</c> as it is, as in DuckDB.
/// </summary>
public sealed class ReplaceFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "replace";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 3, "VARCHAR", DataType.String, DataType.String, DataType.String);
        return new TextKernel(DataType.String, context, static a =>
        {
            var text = a[0].StringValue;
            var from = a[1].StringValue;
            return ScalarValue.FromString(from.Length == 0 ? text : text.Replace(from, a[2].StringValue, StringComparison.Ordinal));
        });
    }
}
