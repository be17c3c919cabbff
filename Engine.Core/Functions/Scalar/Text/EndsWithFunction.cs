using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>ends_with(s, suffix)</c> (also <c>suffix</c>): BOOLEAN, whether <c>s</c> ends with <c>suffix</c> (ordinal; the empty suffix always).</summary>
public sealed class EndsWithFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "ends_with";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["suffix"];

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 2, "BOOLEAN", DataType.String, DataType.String);
        return new TextKernel(DataType.Bool, context, static a => ScalarValue.FromBool(a[0].StringValue.EndsWith(a[1].StringValue, StringComparison.Ordinal)));
    }
}
