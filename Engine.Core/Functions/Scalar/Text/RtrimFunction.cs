using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>rtrim(s[, characters])</c>: VARCHAR, <c>s</c> without the characters at the end that are space separators
/// (Unicode category Zs: the space, no-break and ideographic spaces, not tabs or newlines) or, with a second
/// argument, any of the code points of <c>characters</c>, as in DuckDB.
/// </summary>
public sealed class RtrimFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "rtrim";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 1, "VARCHAR", DataType.String, DataType.String);
        return new TextKernel(DataType.String, context, static a =>
            ScalarValue.FromString(TextTrim.Trim(a[0].StringValue, a.Length > 1 ? a[1].StringValue : null, TextTrim.Side.Right)));
    }
}
