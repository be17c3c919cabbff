using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Cli;

/// <summary>Builds the command's services from an optional JSON file, environment variables and command-line overrides.</summary>
public static class EngineHost
{
    /// <summary>The data folder used when neither <c>--data</c> nor configuration names one.</summary>
    public const string DefaultDataFolder = "./data";

    /// <summary>
    /// The configuration: <paramref name="configFile"/>, then environment variables (<c>Engine__Scheduler__MaxThreads</c>),
    /// then <paramref name="overrides"/> (keys such as <c>Engine:Storage:Root</c>).
    /// </summary>
    public static IConfigurationSection Configure(FileInfo? configFile, IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            if (!configFile.Exists)
            {
                throw new Core.Errors.ConfigurationException("--config", $"file '{configFile.FullName}' does not exist");
            }

            builder.AddJsonFile(configFile.FullName, optional: false);
        }

        builder.AddEnvironmentVariables();
        builder.AddInMemoryCollection(overrides);
        return builder.Build().GetSection("Engine");
    }

    /// <summary>Registers the engine, its storage and the local scheduler for <paramref name="engineSection"/>.</summary>
    public static ServiceProvider BuildServices(IConfigurationSection engineSection)
    {
        var services = new ServiceCollection();
        services.AddEngine(engineSection).AddEngineStorage(engineSection)
            .AddLocalQueryScheduler(engineSection).AddRemoteQueryScheduler(engineSection);
        return services.BuildServiceProvider();
    }

    /// <summary>Overrides from the command line's scheduler options; unset options keep the configured values.</summary>
    public static void AddScheduler(Dictionary<string, string?> overrides, SchedulerSettings settings)
    {
        if (settings.Threads != 0)
        {
            overrides["Engine:Scheduler:MaxThreads"] = settings.Threads.ToString(CultureInfo.InvariantCulture);
        }

        if (settings.Scheduler is not null)
        {
            overrides["Engine:Scheduler:Kind"] = settings.Scheduler;
        }

        if (settings.Workers is not null)
        {
            overrides["Engine:Scheduler:Workers"] = settings.Workers;
        }

        if (settings.SecretFile is not null)
        {
            overrides["Engine:Scheduler:SecretFile"] = settings.SecretFile.FullName;
        }

        if (settings.Tls)
        {
            overrides["Engine:Scheduler:Tls"] = "true";
        }

        if (settings.TlsThumbprint is not null)
        {
            overrides["Engine:Scheduler:TlsThumbprint"] = settings.TlsThumbprint;
        }

        if (settings.TlsCaFile is not null)
        {
            overrides["Engine:Scheduler:TlsCaFile"] = settings.TlsCaFile.FullName;
        }
    }
}
