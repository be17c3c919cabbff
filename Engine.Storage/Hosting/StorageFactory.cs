using Engine.Core.Errors;
using Engine.Core.Hosting;
using Engine.Core.Storage;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Microsoft.Extensions.Configuration;

namespace Engine.Storage.Hosting;

/// <summary>
/// Opens the object store a data location names: a local folder, or <c>s3://bucket/prefix</c>. S3 settings
/// come from the standard AWS environment variables and credential chain, then from the <c>Storage</c>
/// configuration section when one is given (ServiceUrl, Region, ForcePathStyle, AccessKeyId,
/// SecretAccessKey, MaxAttempts); a custom endpoint implies path-style addressing unless configured.
/// </summary>
public static class StorageFactory
{
    /// <summary>True when <paramref name="location"/> is an S3 URI.</summary>
    public static bool IsS3(string location) => S3Location.IsS3Uri(location);

    /// <summary>
    /// Opens the store at <paramref name="location"/>; <paramref name="key"/> names it in errors. A local folder
    /// must exist unless <paramref name="create"/> is set (so a mistyped --data fails instead of reading nothing).
    /// </summary>
    public static IObjectStore Open(string location, IConfigurationSection? storageSection = null, string key = "Engine:Storage:Root", bool create = false)
    {
        if (!IsS3(location))
        {
            if (!create && !Directory.Exists(location))
            {
                throw new StorageException(location, 1, $"no such folder (from {key})");
            }

            return new FileSystemObjectStore(Directory.CreateDirectory(location).FullName);
        }

        var options = S3StorageOptions.FromEnvironment(S3Location.Parse(location, key));
        if (storageSection is not null)
        {
            options.ServiceUrl = ConfigurationReader.GetOptionalString(storageSection, "ServiceUrl") ?? options.ServiceUrl;
            options.Region = ConfigurationReader.GetOptionalString(storageSection, "Region") ?? options.Region;
            options.AccessKeyId = ConfigurationReader.GetOptionalString(storageSection, "AccessKeyId") ?? options.AccessKeyId;
            options.SecretAccessKey = ConfigurationReader.GetOptionalString(storageSection, "SecretAccessKey") ?? options.SecretAccessKey;
            options.MaxAttempts = ConfigurationReader.GetInt32(storageSection, "MaxAttempts", options.MaxAttempts);
            if (ConfigurationReader.GetOptionalString(storageSection, "ForcePathStyle") is { } pathStyle)
            {
                options.ForcePathStyle = bool.TryParse(pathStyle, out var flag)
                    ? flag
                    : throw new ConfigurationException(ConfigurationPath.Combine(storageSection.Path, "ForcePathStyle"), $"'{pathStyle}' is not true or false");
            }
        }

        options.Validate(storageSection?.Path ?? "Engine:Storage");
        return new S3ObjectStore(options);
    }

    /// <summary>Prefetch settings from a <c>Storage</c> section (PrefetchDepth, PrefetchBytes), validated with the key in errors.</summary>
    public static HiveCatalogOptions CatalogOptions(IConfigurationSection storageSection)
    {
        var defaults = HiveCatalogOptions.Default;
        var depth = ConfigurationReader.GetInt32(storageSection, "PrefetchDepth", defaults.PrefetchDepth);
        var bytes = ConfigurationReader.GetInt64(storageSection, "PrefetchBytes", defaults.PrefetchBytes);
        if (depth < 1)
        {
            throw new ConfigurationException(ConfigurationPath.Combine(storageSection.Path, "PrefetchDepth"), $"must be at least 1, got {depth}");
        }

        if (bytes < 1)
        {
            throw new ConfigurationException(ConfigurationPath.Combine(storageSection.Path, "PrefetchBytes"), $"must be at least 1, got {bytes}");
        }

        return new HiveCatalogOptions { PrefetchDepth = depth, PrefetchBytes = bytes };
    }
}
