using Engine.Core.Errors;
using Microsoft.Extensions.Configuration;

namespace Engine.Core.Hosting;

/// <summary>
/// The <c>Engine</c> configuration section: which storage and which scheduler to use. Scheduler-specific
/// settings (MaxThreads, Workers, …) live beside <c>Kind</c> and are read by the scheduler's own registration.
/// </summary>
public sealed class EngineOptions
{
    /// <summary>The storage kind: <c>Memory</c> (tables registered by the host or generated samples).</summary>
    public string StorageKind { get; init; } = "Memory";

    /// <summary>The scheduler kind, matched case-insensitively against registered schedulers (<c>local</c> by default).</summary>
    public string SchedulerKind { get; init; } = "local";

    /// <summary>Reads and validates the section; throws <see cref="ConfigurationException"/> naming the bad key.</summary>
    public static EngineOptions FromConfiguration(IConfiguration engineSection)
    {
        var section = engineSection as IConfigurationSection ?? throw new ArgumentException("Pass a configuration section, e.g. configuration.GetSection(\"Engine\").", nameof(engineSection));
        ConfigurationReader.RejectUnknownKeys(section, "Storage", "Scheduler");
        var storage = section.GetSection("Storage");
        var storageKind = ConfigurationReader.GetString(storage, "Kind", "Memory");
        if (!string.Equals(storageKind, "Memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException(ConfigurationPath.Combine(storage.Path, "Kind"), $"'{storageKind}' is not a storage kind; supported: Memory");
        }

        ConfigurationReader.RejectUnknownKeys(storage, "Kind", "Root");
        var scheduler = section.GetSection("Scheduler");
        return new EngineOptions
        {
            StorageKind = storageKind,
            SchedulerKind = ConfigurationReader.GetString(scheduler, "Kind", "local").ToLowerInvariant(),
        };
    }
}
