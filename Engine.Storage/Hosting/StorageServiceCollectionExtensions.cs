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
    /// <summary>
    /// When <c>Engine:Storage:Kind</c> is <c>Local</c> or <c>S3</c>, replaces the catalog and partition
    /// reader with a <see cref="HiveTableCatalog"/> over <c>Engine:Storage:Root</c>. Settings (S3 endpoint and
    /// credentials, prefetch) are validated now, naming any bad key; tables are discovered once, when the
    /// catalog is first resolved (one listing and one footer read per file). Call after <c>AddEngine</c>.
    /// </summary>
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
        services.AddSingleton(_ => store);
        services.TryAddSingleton(sp =>
        {
            // Warnings about ignored file metadata go to the host's logging, when it has any.
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<HiveTableCatalog>();
            var readerOptions = logger is null ? null : new ParquetReaderOptions { Logger = logger };
            return HiveTableCatalog.OpenAsync(store, readerOptions, catalogOptions).GetAwaiter().GetResult();
        });
        services.Replace(ServiceDescriptor.Singleton<ITableCatalog>(sp => sp.GetRequiredService<HiveTableCatalog>()));
        services.Replace(ServiceDescriptor.Singleton<IPartitionReader>(sp => sp.GetRequiredService<HiveTableCatalog>()));
        return services;
    }
}
