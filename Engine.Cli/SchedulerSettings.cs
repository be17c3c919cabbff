namespace Engine.Cli;

/// <summary>The command-line options of <c>engine query</c> that choose and configure the scheduler; unset ones leave the configuration as it is.</summary>
/// <param name="Threads">Local threads; 0 leaves the configured value.</param>
/// <param name="ConfigFile">An appsettings-style JSON file with an Engine section.</param>
/// <param name="Scheduler">The scheduler kind (local or remote).</param>
/// <param name="Workers">The remote workers, host:port,host:port.</param>
/// <param name="SecretFile">The file holding the secret shared with the workers.</param>
/// <param name="Tls">Whether to talk TLS to the workers; false leaves the configured value.</param>
/// <param name="TlsThumbprint">The pinned thumbprint of the workers' certificate.</param>
/// <param name="TlsCaFile">A PEM file of CA certificates the workers' certificates must chain to.</param>
public sealed record SchedulerSettings(
    int Threads, FileInfo? ConfigFile, string? Scheduler, string? Workers, FileInfo? SecretFile,
    bool Tls = false, string? TlsThumbprint = null, FileInfo? TlsCaFile = null);
