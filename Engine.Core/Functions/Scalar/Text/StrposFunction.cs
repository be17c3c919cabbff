using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>strpos(s, search)</c> (also <c>instr</c>): BIGINT, the 1-based code point position of
/// the first occurrence of <c>search</c> in <c>s</c> (ordinal), 0 when there is none, 1 for the empty string.
/// </summary>
public sealed class StrposFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "strpos";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["instr"];

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 2, "BIGINT", DataType.String, DataType.String);
        return new TextKernel(DataType.Int64, context, static a =>
        {
            var text = a[0].StringValue;
            var found = text.IndexOf(a[1].StringValue, StringComparison.Ordinal);
            return ScalarValue.FromInt64(found < 0 ? 0 : CodePoints.Count(text[..found]) + 1);
        });
    }
}
