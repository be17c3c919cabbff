using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>reverse(s)</c>: VARCHAR with the grapheme clusters of <c>s</c> in reverse order (an accent stays on its letter, an emoji stays whole), as DuckDB.</summary>
public sealed class ReverseFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "reverse";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 1, "VARCHAR", DataType.String);
        return new TextKernel(DataType.String, context, static a => ScalarValue.FromString(CodePoints.ReverseGraphemes(a[0].StringValue)));
    }
}
