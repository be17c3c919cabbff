using System.Net;
using System.Net.Sockets;
using System.Text;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Schedulers.Remote.Coordinator;

namespace Engine.Tests.Remote;

/// <summary>Secrets, free ports and schedulers shared by the remote tests.</summary>
internal static class RemoteTestSupport
{
    public const string Secret = "remote-tests-shared-secret-0123456789";

    public static byte[] SecretBytes => Encoding.UTF8.GetBytes(Secret);

    /// <summary>Writes <paramref name="secret"/> to a new temporary file and returns its path; the caller deletes it.</summary>
    public static string WriteSecretFile(string secret = Secret)
    {
        var path = Path.Combine(Path.GetTempPath(), "engine-remote-secret-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, secret + "\n");
        return path;
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    public static string ClosedAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endpoint = listener.LocalEndpoint.ToString()!;
        listener.Stop();
        return endpoint;
    }

    public static RemoteQueryScheduler Scheduler(
        IEnumerable<string> workers, byte[]? secret, TimeSpan? fragmentTimeout = null, int maxAttempts = 3) =>
        new(new RemoteSchedulerOptions
        {
            Workers = [.. workers.Select(w => WorkerEndpoint.Parse(w, "test"))],
            Secret = secret,
            FragmentTimeout = fragmentTimeout ?? TimeSpan.FromSeconds(30),
            HeartbeatInterval = TimeSpan.FromMilliseconds(500),
            ConnectTimeout = TimeSpan.FromSeconds(2),
            MaxAttempts = maxAttempts,
            NodeName = "test-coordinator",
        });

    public static QueryExecutor Engine(InMemoryCatalog catalog, RemoteQueryScheduler scheduler) => new(catalog, catalog, scheduler);
}
