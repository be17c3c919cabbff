using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>value LIKE pattern ESCAPE escape</c>: BOOLEAN, LIKE where the one character <c>escape</c> (or none, when empty) makes the next pattern character literal, so <c>%</c>, <c>_</c> and the escape itself can be matched. An escape longer than one character, or a pattern ending in the escape character (even an escaped one, as DuckDB 1.5 rejects it), is a <see cref="Errors.QueryBindException"/> when constant.</summary>
public sealed class LikeEscapeFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "like_escape";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => LikeBinding.Bind(context, caseInsensitive: false, escaped: true);

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) => LikeBinding.Format("LIKE", arguments);
}
