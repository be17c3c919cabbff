namespace Engine.Core.Hosting;

/// <summary>
/// The schedulers registered with <c>AddQueryScheduler</c> and the <c>Engine:Scheduler</c> settings each of
/// them reads: the scheduler section may hold a key only if some registered scheduler claims it, so a typo
/// fails at start-up whichever scheduler is selected. Filled while services are registered; read-only after.
/// </summary>
public sealed class SchedulerRegistry
{
    private readonly List<string> _names = [];
    private readonly HashSet<string> _settings = new(StringComparer.OrdinalIgnoreCase) { "Kind" };

    /// <summary>Registered names, lower-case, in registration order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Every setting some registered scheduler reads, plus <c>Kind</c>, sorted.</summary>
    public IReadOnlyList<string> Settings => [.. _settings.Order(StringComparer.OrdinalIgnoreCase)];

    internal void Add(string name, IReadOnlyList<string> settings)
    {
        if (!_names.Contains(name))
        {
            _names.Add(name);
        }

        _settings.UnionWith(settings);
    }
}
