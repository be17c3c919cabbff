using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Functions;
using Engine.Core.Hosting;
using Engine.Core.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // Extension methods for IServiceCollection live in its namespace, as the platform's do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers Engine in a host app's service collection.</summary>
public static class EngineServiceCollectionExtensions
{
    private const string MemoryStorageKey = "memory";

    /// <summary>
    /// Registers <see cref="IQueryEngine"/>, the <see cref="FunctionRegistry"/> (built-ins plus what
    /// <see cref="AddScalarFunction{TFunction}"/> and <see cref="AddAggregateFunction{TFunction}"/> add), the in-memory catalog (<see cref="InMemoryCatalog"/>, also as
    /// <see cref="ITableCatalog"/> and <see cref="IPartitionReader"/> when <c>Storage:Kind</c> is Memory; other kinds
    /// resolve the services a storage package registered keyed by the kind in lower case) and the scheduler selected by
    /// <c>Scheduler:Kind</c> among those registered with <see cref="AddQueryScheduler{TScheduler}"/>.
    /// The section is validated now, so a bad key fails at start-up with a <see cref="ConfigurationException"/>
    /// naming it. Uses TryAdd, so a host's own registrations win. now() reads the host's
    /// <see cref="TimeProvider"/> when one is registered, the system clock otherwise.
    /// </summary>
    public static IServiceCollection AddEngine(this IServiceCollection services, IConfiguration engineSection)
    {
        var options = EngineOptions.FromConfiguration(engineSection);
        services.TryAddSingleton(options);
        services.TryAddSingleton(engineSection);
        Registry(services);
        services.TryAddSingleton<InMemoryCatalog>();
        services.TryAddKeyedSingleton<ITableCatalog>(MemoryStorageKey, (sp, _) => sp.GetRequiredService<InMemoryCatalog>());
        services.TryAddKeyedSingleton<IPartitionReader>(MemoryStorageKey, (sp, _) => sp.GetRequiredService<InMemoryCatalog>());
        services.TryAddSingleton(sp => ConfiguredStorage<ITableCatalog>(sp));
        services.TryAddSingleton(sp => ConfiguredStorage<IPartitionReader>(sp));
        services.TryAddSingleton<IQueryScheduler>(sp =>
        {
            var registry = sp.GetRequiredService<SchedulerRegistry>();
            ConfigurationReader.RejectUnknownKeys(engineSection.GetSection("Scheduler"), [.. registry.Settings]);

            var kind = sp.GetRequiredService<EngineOptions>().SchedulerKind;
            return sp.GetKeyedService<IQueryScheduler>(kind)
                ?? throw new ConfigurationException("Engine:Scheduler:Kind",
                    $"'{kind}' names no registered scheduler; registered: {string.Join(", ", registry.Names)}");
        });
        services.TryAddSingleton(sp => new FunctionRegistry(sp.GetServices<ScalarFunction>(), sp.GetServices<AggregateFunction>()));
        services.TryAddSingleton<IQueryEngine>(sp => new QueryExecutor(
            sp.GetRequiredService<ITableCatalog>(), sp.GetRequiredService<IPartitionReader>(), sp.GetRequiredService<IQueryScheduler>(),
            sp.GetRequiredService<FunctionRegistry>(), sp.GetService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Adds the scalar function <typeparamref name="TFunction"/> to the <see cref="FunctionRegistry"/> that
    /// queries bind with. Its names and wire name must not clash with a built-in or another added function
    /// (the registry throws a <see cref="ConfigurationException"/> when it is first resolved). Remote workers
    /// need the same function registered: a worker without it answers fragments that call it with an
    /// <see cref="UnsupportedFeatureException"/> naming it.
    /// </summary>
    public static IServiceCollection AddScalarFunction<TFunction>(this IServiceCollection services)
        where TFunction : ScalarFunction
    {
        services.AddSingleton<ScalarFunction, TFunction>();
        return services;
    }

    /// <summary>
    /// Adds the aggregate function <typeparamref name="TFunction"/> to the <see cref="FunctionRegistry"/>; the
    /// same rules as <see cref="AddScalarFunction{TFunction}"/> apply.
    /// </summary>
    public static IServiceCollection AddAggregateFunction<TFunction>(this IServiceCollection services)
        where TFunction : AggregateFunction
    {
        services.AddSingleton<AggregateFunction, TFunction>();
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TScheduler"/> as a keyed scheduler plugin under <paramref name="name"/>
    /// (case-insensitive); <c>Engine:Scheduler:Kind = name</c> then selects it with no code change.
    /// <paramref name="settings"/> names the <c>Engine:Scheduler</c> keys the plugin reads: any other key
    /// (one that no registered scheduler reads) fails with a <see cref="ConfigurationException"/> when the
    /// scheduler is first resolved.
    /// </summary>
    public static IServiceCollection AddQueryScheduler<TScheduler>(this IServiceCollection services, string name, params string[] settings)
        where TScheduler : class, IQueryScheduler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = name.ToLowerInvariant();
        Registry(services).Add(key, settings);
        services.TryAddKeyedSingleton<IQueryScheduler, TScheduler>(key);
        return services;
    }

    /// <summary>
    /// Registers a scheduler instance built by <paramref name="factory"/> under <paramref name="name"/>;
    /// <paramref name="settings"/> are the <c>Engine:Scheduler</c> keys it reads (see
    /// <see cref="AddQueryScheduler{TScheduler}"/>).
    /// </summary>
    public static IServiceCollection AddQueryScheduler(
        this IServiceCollection services, string name, Func<IServiceProvider, IQueryScheduler> factory, params string[] settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = name.ToLowerInvariant();
        Registry(services).Add(key, settings);
        services.TryAddKeyedSingleton(key, (sp, _) => factory(sp));
        return services;
    }

    // Storage packages register their catalog and reader keyed by the lower-case Engine:Storage:Kind they
    // serve (AddEngineStorage in Engine.Storage: local, s3); a configured kind nobody serves must fail, not
    // silently read nothing.
    private static T ConfiguredStorage<T>(IServiceProvider services)
        where T : notnull
    {
        var kind = services.GetRequiredService<EngineOptions>().StorageKind;
        return services.GetKeyedService<T>(kind.ToLowerInvariant())
            ?? throw new ConfigurationException("Engine:Storage:Kind", $"'{kind}' storage needs services.AddEngineStorage(engineSection) from Engine.Storage");
    }

    private static SchedulerRegistry Registry(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(SchedulerRegistry) && descriptor.ImplementationInstance is SchedulerRegistry existing)
            {
                return existing;
            }
        }

        var registry = new SchedulerRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
