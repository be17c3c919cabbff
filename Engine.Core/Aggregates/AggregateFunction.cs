namespace Engine.Core.Aggregates;

/// <summary>
/// An aggregate function as the <see cref="Engine.Core.Functions.FunctionRegistry"/> knows it: its SQL names, a binding
/// rule from argument types (and constant arguments) to a result type, a state layout and an accumulator,
/// and a stable wire name the remote codec sends so a worker binds the same call. One instance serves
/// every query and thread; per-call data lives in the <see cref="AggregateKernel"/> that <see cref="Bind"/>
/// returns. Built-in aggregates are found by reflection in Engine.Core; a host adds its own with
/// <c>services.AddAggregateFunction&lt;T&gt;()</c>.
/// </summary>
/// <remarks>
/// A subclass needs a public parameterless constructor to be discovered; names and wire names must be
/// unique within aggregates. Its state must merge associatively and commutatively, because partials are
/// merged per thread, per worker and at the coordinator in any order, and must be made of state columns the
/// remote codec can carry.
/// </remarks>
public abstract class AggregateFunction
{
    /// <summary>The SQL name, lower case.</summary>
    public abstract string Name { get; }

    /// <summary>Other SQL names of the same aggregate (lower case); none by default.</summary>
    public virtual IReadOnlyList<string> Aliases => [];

    /// <summary>The name the remote codec sends; it must not change between versions. Defaults to <see cref="Name"/>.</summary>
    public virtual string WireName => Name;

    /// <summary>
    /// Checks the arguments of a call and returns its kernel. Called by the binder, and again by a worker for
    /// every call in a fragment it receives (with the arguments the first binding left), so it must be
    /// deterministic. It may cast, replace or add arguments through <paramref name="context"/>.
    /// </summary>
    /// <returns>The result type, state layout and accumulator factory of this call; shared by every thread.</returns>
    /// <exception cref="Errors.QueryBindException">The arguments do not fit (made with <see cref="AggregateBindContext.Error(string)"/>).</exception>
    public abstract AggregateKernel Bind(AggregateBindContext context);
}
