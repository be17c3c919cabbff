using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>contains(s, search)</c>: BOOLEAN, whether <c>search</c> occurs in <c>s</c> (ordinal; the empty string always).</summary>
public sealed class ContainsFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "contains";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 2, "BOOLEAN", DataType.String, DataType.String);
        return new TextKernel(DataType.Bool, context, static a => ScalarValue.FromBool(a[0].StringValue.Contains(a[1].StringValue, StringComparison.Ordinal)));
    }
}
