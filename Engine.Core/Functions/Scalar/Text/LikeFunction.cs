using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>value LIKE pattern</c> (the binder's <c>~~</c>; NOT LIKE is its negation): BOOLEAN, whether <c>value</c> matches <c>pattern</c> as a whole, where <c>%</c> is any run of characters and <c>_</c> one code point; no escape character (a backslash is literal), as in DuckDB. NULL when either is NULL. A constant pattern compiles once; one evaluation per dictionary entry.</summary>
public sealed class LikeFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "~~";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => LikeBinding.Bind(context, caseInsensitive: false, escaped: false);

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) => LikeBinding.Format("LIKE", arguments);
}
