using Engine.Core.Expressions;

namespace Engine.Core.Functions;

/// <summary>
/// A scalar function as the <see cref="FunctionRegistry"/> knows it: its SQL names, a binding rule from
/// argument types (and constant arguments) to a result type and a vectorized kernel, and a stable wire name
/// that the remote codec sends so a worker can bind the same call. Operators are functions too
/// (<c>+</c>, <c>-</c>, …). One instance serves every query and thread, so implementations hold no
/// per-query state; everything a call needs lives in the <see cref="ScalarKernel"/> that
/// <see cref="Bind"/> returns. Built-in functions are found by reflection in Engine.Core; a host adds its
/// own with <c>services.AddScalarFunction&lt;T&gt;()</c>.
/// </summary>
/// <remarks>
/// A subclass needs a public parameterless constructor to be discovered; names and wire names must be
/// unique within scalar functions (the registry refuses duplicates at start-up). Kernels run on many
/// threads at once over spans of a morsel and must not allocate per row.
/// </remarks>
public abstract class ScalarFunction
{
    /// <summary>The SQL name, lower case (or an operator symbol such as <c>+</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Other SQL names of the same function (lower case); none by default.</summary>
    public virtual IReadOnlyList<string> Aliases => [];

    /// <summary>The name the remote codec sends; it must not change between versions. Defaults to <see cref="Name"/>.</summary>
    public virtual string WireName => Name;

    /// <summary>
    /// Whether calls with constant arguments may be replaced by their value before planning:
    /// <see cref="FunctionVolatility.Immutable"/> by default; <see cref="FunctionVolatility.Stable"/> for one
    /// value per query (now()), folded when the query is bound; <see cref="FunctionVolatility.Volatile"/> for
    /// one value per row (random()), never folded.
    /// </summary>
    public virtual FunctionVolatility Volatility => FunctionVolatility.Immutable;

    /// <summary>
    /// Checks the arguments of a call and returns the kernel that computes it. Called by the binder for
    /// every call in a query, and again by a worker for every call in a fragment it receives (with the same
    /// arguments, already cast), so it must be deterministic. It may cast or replace arguments through
    /// <paramref name="context"/>.
    /// </summary>
    /// <returns>The result type and vectorized evaluation of this call; immutable and shared by every thread.</returns>
    /// <exception cref="Errors.QueryBindException">The arguments do not fit (made with <see cref="ScalarBindContext.Error(string)"/>).</exception>
    public abstract ScalarKernel Bind(ScalarBindContext context);

    /// <summary>
    /// Lets a function stand for other expressions instead of a kernel (COALESCE is a CASE): called by the
    /// binder before <see cref="Bind"/>; the expression returned replaces the call (and the remote codec
    /// never sees the function). Null, the default, binds the call normally.
    /// </summary>
    /// <exception cref="Errors.QueryBindException">The arguments do not fit.</exception>
    public virtual BoundExpression? Expand(ScalarBindContext context) => null;

    /// <summary>Display text of a call, for EXPLAIN and error messages: <c>name(arg, …)</c> by default.</summary>
    public virtual string Format(IReadOnlyList<BoundExpression> arguments) => $"{Name}({string.Join(", ", arguments)})";
}
