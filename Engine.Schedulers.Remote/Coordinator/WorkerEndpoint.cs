using System.Globalization;
using Engine.Core.Errors;

namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>
/// A worker's address: a host name or IP address and a port, written <c>host:port</c> (<c>[::1]:port</c> for
/// IPv6). In <see cref="RemoteSchedulerOptions.WorkerNames"/> the host is a name that resolves to many workers.
/// </summary>
/// <param name="Host">The host name or address.</param>
/// <param name="Port">The TCP port (1..65535).</param>
public sealed record WorkerEndpoint(string Host, int Port)
{
    /// <summary>The prefix that marks a configured worker as a name to resolve (<c>dns:NAME:PORT</c>).</summary>
    public const string DnsPrefix = "dns:";

    /// <summary>
    /// The name the worker's TLS certificate must carry when it differs from <see cref="Host"/> (an address
    /// resolved from a DNS name keeps the name here); <see cref="RemoteSchedulerOptions.TlsServerName"/> overrides it.
    /// </summary>
    public string? ServerName { get; init; }

    /// <summary>Parses <c>host:port</c>; a bad value throws <see cref="ConfigurationException"/> naming <paramref name="key"/>.</summary>
    public static WorkerEndpoint Parse(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var colon = trimmed.LastIndexOf(':');
        if (colon <= 0 || colon == trimmed.Length - 1)
        {
            throw new ConfigurationException(key, $"'{text}' is not host:port");
        }

        var host = trimmed[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (!int.TryParse(trimmed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ConfigurationException(key, $"'{text}' does not end in a port between 1 and 65535");
        }

        return host.Length > 0 && !host.Any(char.IsWhiteSpace)
            ? new WorkerEndpoint(host, port)
            : throw new ConfigurationException(key, $"'{text}' has no host");
    }

    /// <summary>The address as <c>host:port</c>, the form used in errors.</summary>
    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
