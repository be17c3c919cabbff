namespace Engine.Core.Hosting;

/// <summary>The names of the schedulers registered with <c>AddQueryScheduler</c>, for error messages.</summary>
public sealed class SchedulerRegistry
{
    private readonly List<string> _names = [];

    /// <summary>Registered names, lower-case, in registration order.</summary>
    public IReadOnlyList<string> Names => _names;

    internal void Add(string name)
    {
        if (!_names.Contains(name))
        {
            _names.Add(name);
        }
    }
}
