using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>lower(s)</c> (also <c>lcase</c>): VARCHAR in lower case, by invariant-culture simple case mapping (surrogate pairs included). One evaluation per dictionary entry.</summary>
public sealed class LowerFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "lower";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["lcase"];

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 1, "VARCHAR", DataType.String);
        return new TextKernel(DataType.String, context, static a => ScalarValue.FromString(a[0].StringValue.ToLowerInvariant()));
    }
}
