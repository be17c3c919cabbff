using Engine.Core.Catalog;
using Engine.Core.Hosting;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // Extension methods for IServiceCollection live in its namespace, as the platform's do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers Engine's storage: Hive-partitioned Parquet tables for <c>Engine:Storage:Kind = Local</c>.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// When the configured storage kind is <c>Local</c>, replaces the catalog and partition reader with a
    /// <see cref="HiveTableCatalog"/> over <c>Engine:Storage:Root</c>. Tables are discovered once, when the
    /// catalog is first resolved (one listing and one footer read per file). Call after <c>AddEngine</c>.
    /// </summary>
    public static IServiceCollection AddEngineStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<EngineOptions>();
            var root = options.StorageRoot ?? throw new Engine.Core.Errors.ConfigurationException("Engine:Storage:Root", "a Local store needs the folder that holds the tables");
            Directory.CreateDirectory(root);
            return HiveTableCatalog.OpenAsync(new FileSystemObjectStore(root)).GetAwaiter().GetResult();
        });
        services.Replace(ServiceDescriptor.Singleton<ITableCatalog>(sp => IsLocal(sp) ? sp.GetRequiredService<HiveTableCatalog>() : sp.GetRequiredService<InMemoryCatalog>()));
        services.Replace(ServiceDescriptor.Singleton<IPartitionReader>(sp => IsLocal(sp) ? sp.GetRequiredService<HiveTableCatalog>() : sp.GetRequiredService<InMemoryCatalog>()));
        return services;
    }

    private static bool IsLocal(IServiceProvider services) =>
        string.Equals(services.GetRequiredService<EngineOptions>().StorageKind, "Local", StringComparison.OrdinalIgnoreCase);
}
