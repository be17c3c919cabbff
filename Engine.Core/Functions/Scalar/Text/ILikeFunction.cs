using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>value ILIKE pattern</c> (the binder's <c>~~*</c>): BOOLEAN, LIKE after lower-casing value and pattern (invariant culture, so <c>'ÄÖ' ILIKE 'äö'</c>), as in DuckDB.</summary>
public sealed class ILikeFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "~~*";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => LikeBinding.Bind(context, caseInsensitive: true, escaped: false);

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) => LikeBinding.Format("ILIKE", arguments);
}
