using Engine.Core.Catalog;
using Engine.Core.Hosting;
using Engine.Core.Storage;
using Engine.Storage.Catalog;
using Engine.Storage.Hosting;
using Engine.Storage.Parquet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

#pragma warning disable IDE0130 // Extension methods for IServiceCollection live in its namespace, as the platform's do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers Engine's storage: Hive-partitioned Parquet tables on local disk or S3.</summary>
public static class StorageServiceCollectionExtensions
{
    private static readonly string[] s_kinds = ["local", "s3"];

    /// <summary>
    /// Registers a <see cref="HiveTableCatalog"/> over <c>Engine:Storage:Root</c> as the catalog and partition
    /// reader of the <c>Local</c> and <c>S3</c> storage kinds (keyed services <c>AddEngine</c> resolves by
    /// <c>Engine:Storage:Kind</c>); nothing for <c>Memory</c>. Settings (S3 endpoint and credentials, prefetch)
    /// are validated now, naming any bad key, and a local root must exist; no I/O beyond that: tables are
    /// discovered on the first query (one listing and one footer read per file). Uses TryAdd, so a host's own
    /// registrations win; call before or after <c>AddEngine</c>.
    /// </summary>
    /// <exception cref="Engine.Core.Errors.ConfigurationException">A storage setting is missing or invalid.</exception>
    /// <exception cref="Engine.Core.Errors.StorageException">A local root folder does not exist.</exception>
    public static IServiceCollection AddEngineStorage(this IServiceCollection services, IConfiguration engineSection)
    {
        var options = EngineOptions.FromConfiguration(engineSection);
        if (string.Equals(options.StorageKind, "Memory", StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        var storageSection = engineSection.GetSection("Storage");
        var catalogOptions = StorageFactory.CatalogOptions(storageSection);
        var store = StorageFactory.Open(options.StorageRoot!, storageSection);
        services.TryAddSingleton(store);
        services.TryAddSingleton(sp =>
        {
            // Warnings about ignored file metadata go to the host's logging, when it has any.
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<HiveTableCatalog>();
            var readerOptions = logger is null ? null : new ParquetReaderOptions { Logger = logger };
            return HiveTableCatalog.Create(sp.GetRequiredService<IObjectStore>(), readerOptions, catalogOptions);
        });
        foreach (var kind in s_kinds)
        {
            services.TryAddKeyedSingleton<ITableCatalog>(kind, (sp, _) => sp.GetRequiredService<HiveTableCatalog>());
            services.TryAddKeyedSingleton<IPartitionReader>(kind, (sp, _) => sp.GetRequiredService<HiveTableCatalog>());
        }

        return services;
    }
}
