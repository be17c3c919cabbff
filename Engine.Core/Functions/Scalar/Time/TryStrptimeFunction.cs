namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>try_strptime(text, format)</c>: <see cref="StrptimeFunction"/>, with NULL instead of an error for text that does not match.</summary>
public sealed class TryStrptimeFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "try_strptime";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => StrptimeFunction.Bind(context, nullOnFailure: true);
}
