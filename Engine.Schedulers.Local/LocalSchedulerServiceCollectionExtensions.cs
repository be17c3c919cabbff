using Engine.Core.Hosting;
using Engine.Schedulers.Local;
using Microsoft.Extensions.Configuration;

#pragma warning disable IDE0130 // Extension methods for IServiceCollection live in its namespace, as the platform's do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the local scheduler.</summary>
public static class LocalSchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LocalQueryScheduler"/> under the name "local", with options read from
    /// <c>Scheduler</c> in <paramref name="engineSection"/> (MaxThreads, SerialThresholdRows, ChunkRows) and
    /// validated now, naming any bad key.
    /// </summary>
    public static IServiceCollection AddLocalQueryScheduler(this IServiceCollection services, IConfiguration engineSection)
    {
        var section = engineSection.GetSection("Scheduler");
        var options = ReadOptions(section);
        services.AddSingleton(options);
        return services.AddQueryScheduler("local", _ => new LocalQueryScheduler(options));
    }

    /// <summary>Reads <see cref="LocalSchedulerOptions"/> from a <c>Scheduler</c> section and validates them.</summary>
    public static LocalSchedulerOptions ReadOptions(IConfigurationSection section)
    {
        var options = new LocalSchedulerOptions
        {
            MaxThreads = ConfigurationReader.GetInt32(section, nameof(LocalSchedulerOptions.MaxThreads), 0),
            SerialThresholdRows = ConfigurationReader.GetInt64(section, nameof(LocalSchedulerOptions.SerialThresholdRows), 1_000_000),
            ChunkRows = ConfigurationReader.GetInt64(section, nameof(LocalSchedulerOptions.ChunkRows), 256 * 1024),
        };
        options.Validate(section.Path);
        return options;
    }
}
