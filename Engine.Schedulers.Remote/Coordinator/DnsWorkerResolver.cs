using System.Net;
using System.Net.Sockets;

namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>
/// Resolves a worker name through the system's DNS resolver: every address of the name (A and AAAA
/// records — a Kubernetes headless service answers with one per ready pod) is a worker on the given port.
/// Each endpoint keeps the name as its <see cref="WorkerEndpoint.ServerName"/>, so TLS checks the workers'
/// certificates against the name, not the address. Stateless and thread-safe.
/// </summary>
public sealed class DnsWorkerResolver : IWorkerResolver
{
    /// <summary>The shared instance.</summary>
    public static DnsWorkerResolver Instance { get; } = new();

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<WorkerEndpoint>> ResolveAsync(WorkerEndpoint name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(name.Host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw new WorkerResolutionException(name, ex.Message, ex);
        }

        return [.. addresses.Select(a => new WorkerEndpoint(a.ToString(), name.Port) { ServerName = name.Host })];
    }
}
