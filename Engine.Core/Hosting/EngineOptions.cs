using Engine.Core.Errors;
using Microsoft.Extensions.Configuration;

namespace Engine.Core.Hosting;

/// <summary>
/// The <c>Engine</c> configuration section: which storage and which scheduler to use. Scheduler-specific
/// settings (MaxThreads, Workers, …) live beside <c>Kind</c> and are read by the scheduler's own registration.
/// </summary>
public sealed class EngineOptions
{
    private static readonly string[] s_storageKinds = ["Memory", "Local", "S3"];

    /// <summary>The keys a Storage section may hold; the storage package reads the S3 and prefetch ones.</summary>
    public static IReadOnlyList<string> StorageKeys { get; } =
        ["Kind", "Root", "ServiceUrl", "Region", "ForcePathStyle", "AccessKeyId", "SecretAccessKey", "PrefetchDepth", "PrefetchBytes", "MaxAttempts"];

    /// <summary>The storage kind: <c>Memory</c> (tables registered by the host), <c>Local</c> or <c>S3</c> (Hive-partitioned Parquet under <see cref="StorageRoot"/>).</summary>
    public string StorageKind { get; init; } = "Memory";

    /// <summary>The folder of a <c>Local</c> store, or the <c>s3://bucket/prefix</c> of an S3 store.</summary>
    public string? StorageRoot { get; init; }

    /// <summary>The scheduler kind, matched case-insensitively against registered schedulers (<c>local</c> by default).</summary>
    public string SchedulerKind { get; init; } = "local";

    /// <summary>Reads and validates the section; throws <see cref="ConfigurationException"/> naming the bad key.</summary>
    public static EngineOptions FromConfiguration(IConfiguration engineSection)
    {
        var section = engineSection as IConfigurationSection ?? throw new ArgumentException("Pass a configuration section, e.g. configuration.GetSection(\"Engine\").", nameof(engineSection));
        ConfigurationReader.RejectUnknownKeys(section, "Storage", "Scheduler");
        var storage = section.GetSection("Storage");
        ConfigurationReader.RejectUnknownKeys(storage, [.. StorageKeys]);
        var storageKind = ConfigurationReader.GetString(storage, "Kind", "Memory");
        var root = ConfigurationReader.GetOptionalString(storage, "Root");
        if (!s_storageKinds.Contains(storageKind, StringComparer.OrdinalIgnoreCase))
        {
            throw new ConfigurationException(ConfigurationPath.Combine(storage.Path, "Kind"), $"'{storageKind}' is not a storage kind; supported: {string.Join(", ", s_storageKinds)}");
        }

        if (!string.Equals(storageKind, "Memory", StringComparison.OrdinalIgnoreCase) && root is null)
        {
            throw new ConfigurationException(ConfigurationPath.Combine(storage.Path, "Root"),
                $"a {storageKind} store needs the location of the tables (a folder, or s3://bucket/prefix)");
        }

        var scheduler = section.GetSection("Scheduler");
        return new EngineOptions
        {
            StorageKind = storageKind,
            StorageRoot = root,
            SchedulerKind = ConfigurationReader.GetString(scheduler, "Kind", "local").ToLowerInvariant(),
        };
    }
}
