using Engine.Core.Errors;
using Engine.Core.Hosting;
using Engine.Schedulers.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

#pragma warning disable IDE0130 // Extension methods for IServiceCollection live in its namespace, as the platform's do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the local scheduler.</summary>
public static class LocalSchedulerServiceCollectionExtensions
{
    /// <summary>The default fragments in flight when the storage is S3 (see docs/benchmarks.md, latency hiding).</summary>
    public const int S3FragmentsInFlight = 16;

    /// <summary>
    /// Registers <see cref="LocalQueryScheduler"/> under the name "local", with options read from
    /// <c>Scheduler</c> in <paramref name="engineSection"/> (MaxThreads, SerialThresholdRows, ChunkRows,
    /// FragmentsInFlight, WorkerThreads) and validated now, naming any bad key; a key that no registered
    /// scheduler reads fails when the scheduler is first resolved. With S3 storage, FragmentsInFlight defaults
    /// to <see cref="S3FragmentsInFlight"/>.
    /// </summary>
    public static IServiceCollection AddLocalQueryScheduler(this IServiceCollection services, IConfiguration engineSection)
    {
        var section = engineSection.GetSection("Scheduler");
        var options = ReadOptions(section);
        if (section[nameof(LocalSchedulerOptions.FragmentsInFlight)] is null &&
            string.Equals(engineSection["Storage:Kind"], "S3", StringComparison.OrdinalIgnoreCase))
        {
            // Every S3 request costs tens of milliseconds: keep enough fragments in flight to hide it.
            options.FragmentsInFlight = S3FragmentsInFlight;
        }

        services.TryAddSingleton(options);
        return services.AddQueryScheduler("local", _ => new LocalQueryScheduler(options), [.. LocalSchedulerOptions.SettingNames]);
    }

    /// <summary>Reads <see cref="LocalSchedulerOptions"/> from a <c>Scheduler</c> section (defaults where a key is absent) and validates them.</summary>
    public static LocalSchedulerOptions ReadOptions(IConfigurationSection section)
    {
        var defaults = new LocalSchedulerOptions();
        var options = new LocalSchedulerOptions
        {
            MaxThreads = ConfigurationReader.GetInt32(section, nameof(LocalSchedulerOptions.MaxThreads), defaults.MaxThreads),
            SerialThresholdRows = ConfigurationReader.GetInt64(section, nameof(LocalSchedulerOptions.SerialThresholdRows), defaults.SerialThresholdRows),
            ChunkRows = ConfigurationReader.GetInt64(section, nameof(LocalSchedulerOptions.ChunkRows), defaults.ChunkRows),
            FragmentsInFlight = ConfigurationReader.GetInt32(section, nameof(LocalSchedulerOptions.FragmentsInFlight), defaults.FragmentsInFlight),
            WorkerThreads = ReadWorkerThreads(section, defaults.WorkerThreads),
        };
        options.Validate(section.Path);
        return options;
    }

    private static LocalWorkerThreads ReadWorkerThreads(IConfigurationSection section, LocalWorkerThreads fallback)
    {
        var key = nameof(LocalSchedulerOptions.WorkerThreads);
        var text = ConfigurationReader.GetOptionalString(section, key);
        if (text is null)
        {
            return fallback;
        }

        // Names only: Enum.TryParse would also take any number.
        foreach (var value in Enum.GetValues<LocalWorkerThreads>())
        {
            if (string.Equals(text.Trim(), value.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ConfigurationException(ConfigurationPath.Combine(section.Path, key), $"'{text}' is not Pool or Dedicated");
    }
}
