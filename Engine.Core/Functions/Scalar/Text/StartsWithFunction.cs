using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>starts_with(s, prefix)</c> (also <c>prefix</c>): BOOLEAN, whether <c>s</c> begins with <c>prefix</c> (ordinal; the empty prefix always).</summary>
public sealed class StartsWithFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "starts_with";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["prefix"];

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 2, "BOOLEAN", DataType.String, DataType.String);
        return new TextKernel(DataType.Bool, context, static a => ScalarValue.FromBool(a[0].StringValue.StartsWith(a[1].StringValue, StringComparison.Ordinal)));
    }
}
