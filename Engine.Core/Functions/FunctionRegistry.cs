using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Engine.Core.Aggregates;
using Engine.Core.Errors;

namespace Engine.Core.Functions;

/// <summary>
/// Every scalar and aggregate function a query can call, by SQL name (and alias, case-insensitive) and by
/// wire name. The built-ins are the public, non-abstract <see cref="ScalarFunction"/> and
/// <see cref="AggregateFunction"/> types of Engine.Core with a parameterless constructor, so adding one is
/// adding its file; hosts add theirs through DI. Immutable once built; safe to share between threads.
/// </summary>
public sealed class FunctionRegistry
{
    private static readonly Lazy<FunctionRegistry> s_builtIn = new(() => new FunctionRegistry([], []));

    private readonly Dictionary<string, ScalarFunction> _scalars = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ScalarFunction> _scalarsByWire = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AggregateFunction> _aggregates = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AggregateFunction> _aggregatesByWire = new(StringComparer.Ordinal);

    /// <summary>
    /// The built-ins plus <paramref name="scalars"/> and <paramref name="aggregates"/>. Throws
    /// <see cref="ConfigurationException"/> when two functions of a kind share a name, alias or wire name.
    /// </summary>
    public FunctionRegistry(IEnumerable<ScalarFunction> scalars, IEnumerable<AggregateFunction> aggregates)
    {
        ArgumentNullException.ThrowIfNull(scalars);
        ArgumentNullException.ThrowIfNull(aggregates);
        foreach (var function in Discover<ScalarFunction>().Concat(scalars))
        {
            Add(_scalars, _scalarsByWire, function, function.Name, function.Aliases, function.WireName, "scalar function");
        }

        foreach (var function in Discover<AggregateFunction>().Concat(aggregates))
        {
            Add(_aggregates, _aggregatesByWire, function, function.Name, function.Aliases, function.WireName, "aggregate function");
        }
    }

    /// <summary>The built-in functions only.</summary>
    public static FunctionRegistry BuiltIn => s_builtIn.Value;

    /// <summary>The SQL names of the scalar functions (no aliases, no operators), sorted.</summary>
    public IReadOnlyList<string> ScalarNames =>
        [.. _scalarsByWire.Values.Select(f => f.Name).Where(n => char.IsLetter(n[0])).Order(StringComparer.Ordinal)];

    /// <summary>The SQL names of the aggregate functions (no aliases), sorted.</summary>
    public IReadOnlyList<string> AggregateNames => [.. _aggregatesByWire.Values.Select(f => f.Name).Order(StringComparer.Ordinal)];

    /// <summary>The scalar function called <paramref name="name"/> (or aliased so).</summary>
    public bool TryGetScalar(string name, [MaybeNullWhen(false)] out ScalarFunction function) => _scalars.TryGetValue(name, out function);

    /// <summary>The scalar function whose wire name is <paramref name="wireName"/>.</summary>
    public bool TryGetScalarByWireName(string wireName, [MaybeNullWhen(false)] out ScalarFunction function) => _scalarsByWire.TryGetValue(wireName, out function);

    /// <summary>The aggregate function called <paramref name="name"/> (or aliased so).</summary>
    public bool TryGetAggregate(string name, [MaybeNullWhen(false)] out AggregateFunction function) => _aggregates.TryGetValue(name, out function);

    /// <summary>The aggregate function whose wire name is <paramref name="wireName"/>.</summary>
    public bool TryGetAggregateByWireName(string wireName, [MaybeNullWhen(false)] out AggregateFunction function) =>
        _aggregatesByWire.TryGetValue(wireName, out function);

    /// <summary>True when <paramref name="name"/> names an aggregate function.</summary>
    public bool IsAggregate(string name) => _aggregates.ContainsKey(name);

    private static IEnumerable<T> Discover<T>()
        where T : class
    {
        foreach (var type in typeof(FunctionRegistry).Assembly.GetTypes())
        {
            if (type.IsPublic && !type.IsAbstract && typeof(T).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is { } constructor)
            {
                yield return (T)constructor.Invoke(null);
            }
        }
    }

    private static void Add<T>(
        Dictionary<string, T> byName, Dictionary<string, T> byWire, T function, string name, IReadOnlyList<string> aliases, string wireName, string kind)
        where T : class
    {
        if (!byWire.TryAdd(wireName, function))
        {
            throw new ConfigurationException($"Functions:{wireName}", $"two {kind}s ({byWire[wireName].GetType().Name} and {function.GetType().Name}) have the wire name '{wireName}'");
        }

        foreach (var key in aliases.Prepend(name))
        {
            if (!byName.TryAdd(key, function))
            {
                throw new ConfigurationException($"Functions:{key}", $"two {kind}s ({byName[key].GetType().Name} and {function.GetType().Name}) are named '{key}'");
            }
        }
    }
}
