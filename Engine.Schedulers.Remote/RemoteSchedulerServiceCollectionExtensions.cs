using System.Globalization;
using Engine.Core.Errors;
using Engine.Core.Hosting;
using Engine.Schedulers.Remote.Coordinator;
using Engine.Schedulers.Remote.Security;
using Microsoft.Extensions.Configuration;

#pragma warning disable IDE0130 // Extension methods for IServiceCollection live in its namespace, as the platform's do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the remote scheduler under the name <c>remote</c>.</summary>
public static class RemoteSchedulerServiceCollectionExtensions
{
    // The Engine:Scheduler keys the remote scheduler reads; the shared section's other keys belong to other schedulers.
    private static readonly string[] s_settings =
    [
        "Workers", "WorkerRefreshInterval", "AuthSecret", "SecretFile", "FragmentTimeout", "HeartbeatInterval", "HeartbeatTimeout", "ConnectTimeout", "MaxAttempts",
        "Tls", "TlsServerName", "TlsThumbprint", "TlsCaFile",
    ];

    /// <summary>
    /// Registers <see cref="RemoteQueryScheduler"/> as the keyed scheduler <c>remote</c>, configured from
    /// <c>Scheduler</c> under <paramref name="engineSection"/> when <c>Scheduler:Kind</c> is <c>remote</c>:
    /// <c>Workers</c> (a list, or one comma-separated string, of <c>host:port</c> and <c>dns:NAME:PORT</c>), <c>WorkerRefreshInterval</c>, <c>AuthSecret</c> or
    /// <c>SecretFile</c>, <c>FragmentTimeout</c>, <c>HeartbeatInterval</c>, <c>HeartbeatTimeout</c> and
    /// <c>ConnectTimeout</c> (TimeSpan text such as <c>00:00:30</c>, or seconds), <c>MaxAttempts</c>; <c>Tls</c> (bool) with
    /// <c>TlsServerName</c> and either <c>TlsThumbprint</c> (a pinned worker certificate) or <c>TlsCaFile</c> (trusted CAs, PEM). Options are
    /// read and validated here, so a bad value fails at start-up with a <see cref="ConfigurationException"/>
    /// naming its key; a key no registered scheduler reads fails when the scheduler is first resolved. With
    /// another scheduler kind the settings are read only when the <c>remote</c> scheduler is resolved.
    /// </summary>
    public static IServiceCollection AddRemoteQueryScheduler(this IServiceCollection services, IConfiguration engineSection)
    {
        ArgumentNullException.ThrowIfNull(engineSection);
        var section = engineSection.GetSection("Scheduler");
        if (!string.Equals(ConfigurationReader.GetString(section, "Kind", "local"), "remote", StringComparison.OrdinalIgnoreCase))
        {
            // Another scheduler is selected: read the settings only if someone asks for this one by name.
            return services.AddQueryScheduler("remote", provider => new RemoteQueryScheduler(ReadOptions(section), Functions(provider)), s_settings);
        }

        var options = ReadOptions(section);
        return services.AddQueryScheduler("remote", provider => new RemoteQueryScheduler(options, Functions(provider)), s_settings);
    }

    private static Engine.Core.Functions.FunctionRegistry? Functions(IServiceProvider provider) =>
        provider.GetService(typeof(Engine.Core.Functions.FunctionRegistry)) as Engine.Core.Functions.FunctionRegistry;

    /// <summary>Reads and validates the remote scheduler's options from the <c>Engine:Scheduler</c> section.</summary>
    public static RemoteSchedulerOptions ReadOptions(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var workersKey = ConfigurationPath.Combine(section.Path, "Workers");
        var workerTexts = new List<string>();
        var workers = section.GetSection("Workers");
        if (workers.Value is { Length: > 0 } list)
        {
            workerTexts.AddRange(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        foreach (var child in workers.GetChildren())
        {
            if (child.Value is { Length: > 0 } value)
            {
                workerTexts.Add(value);
            }
        }

        var secretText = ConfigurationReader.GetOptionalString(section, "AuthSecret");
        var secretFile = ConfigurationReader.GetOptionalString(section, "SecretFile");
        if (secretText is not null && secretFile is not null)
        {
            throw new ConfigurationException(ConfigurationPath.Combine(section.Path, "SecretFile"), "set either AuthSecret or SecretFile, not both");
        }

        var secret = secretText is not null ? SharedSecret.FromText(secretText, ConfigurationPath.Combine(section.Path, "AuthSecret"))
            : secretFile is not null ? SharedSecret.FromFile(secretFile, ConfigurationPath.Combine(section.Path, "SecretFile"))
            : null;
        var thumbprint = ConfigurationReader.GetOptionalString(section, "TlsThumbprint");
        var caFile = ConfigurationReader.GetOptionalString(section, "TlsCaFile");
        var defaults = new RemoteSchedulerOptions();
        var options = new RemoteSchedulerOptions
        {
            Workers = [.. workerTexts.Where(w => !IsName(w)).Select(w => WorkerEndpoint.Parse(w, workersKey))],
            WorkerNames = [.. workerTexts.Where(IsName).Select(w => WorkerEndpoint.Parse(w.Trim()[WorkerEndpoint.DnsPrefix.Length..], workersKey))],
            WorkerRefreshInterval = GetDuration(section, "WorkerRefreshInterval", defaults.WorkerRefreshInterval),
            Secret = secret,
            FragmentTimeout = GetDuration(section, "FragmentTimeout", defaults.FragmentTimeout),
            HeartbeatInterval = GetDuration(section, "HeartbeatInterval", defaults.HeartbeatInterval),
            HeartbeatTimeout = section["HeartbeatTimeout"] is { Length: > 0 } ? GetDuration(section, "HeartbeatTimeout", TimeSpan.Zero) : null,
            ConnectTimeout = GetDuration(section, "ConnectTimeout", defaults.ConnectTimeout),
            MaxAttempts = ConfigurationReader.GetInt32(section, "MaxAttempts", defaults.MaxAttempts),
            Tls = GetFlag(section, "Tls"),
            TlsServerName = ConfigurationReader.GetOptionalString(section, "TlsServerName"),
            TlsThumbprint = thumbprint is null ? null : TlsCertificates.ParseThumbprint(thumbprint, ConfigurationPath.Combine(section.Path, "TlsThumbprint")),
            TlsCaCertificates = caFile is null ? null : TlsCertificates.LoadCaCertificates(caFile, ConfigurationPath.Combine(section.Path, "TlsCaFile")),
        };
        options.Validate(section.Path);
        return options;
    }

    private static bool IsName(string worker) => worker.TrimStart().StartsWith(WorkerEndpoint.DnsPrefix, StringComparison.OrdinalIgnoreCase);

    private static bool GetFlag(IConfigurationSection section, string key)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        return bool.TryParse(text, out var flag)
            ? flag
            : throw new ConfigurationException(ConfigurationPath.Combine(section.Path, key), $"'{text}' is not true or false");
    }

    private static TimeSpan GetDuration(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < 86_400 * 2)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConfigurationException(ConfigurationPath.Combine(section.Path, key), $"'{text}' is not a duration (seconds, or hh:mm:ss)");
    }
}
