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
        services.AddEngine(engineSection).AddEngineStorage(engineSection).AddLocalQueryScheduler(engineSection);
        return services.BuildServiceProvider();
    }

    /// <summary>An override of MaxThreads when <paramref name="threads"/> is set (0 keeps the configured value).</summary>
    public static void AddThreads(Dictionary<string, string?> overrides, int threads)
    {
        if (threads != 0)
        {
            overrides["Engine:Scheduler:MaxThreads"] = threads.ToString(CultureInfo.InvariantCulture);
        }
    }
}
