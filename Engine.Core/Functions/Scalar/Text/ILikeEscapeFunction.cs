using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>value ILIKE pattern ESCAPE escape</c>: BOOLEAN, ILIKE with an escape character (see <see cref="LikeEscapeFunction"/>); the pattern is lower-cased before the escape is applied, as in DuckDB.</summary>
public sealed class ILikeEscapeFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "ilike_escape";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => LikeBinding.Bind(context, caseInsensitive: true, escaped: true);

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) => LikeBinding.Format("ILIKE", arguments);
}
