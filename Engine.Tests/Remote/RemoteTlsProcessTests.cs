using System.Security.Cryptography.X509Certificates;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Schedulers.Remote.Coordinator;
using Engine.Tests.Support;

namespace Engine.Tests.Remote;

/// <summary>Real <c>engine worker --tls-cert</c> processes: queries over TLS give the local answer, and a bad certificate file stops the worker naming the option.</summary>
[NonParallelizable]
public sealed class RemoteTlsProcessTests
{
    private const string Data = "gen:trades:rows=40000:symbols=6:batch=5000";
    private const string Sql = "SELECT symbol, count(*), sum(volume), avg(price), min(price), max(price) FROM trades GROUP BY symbol";

    [Test]
    public async Task QueryOverTls_WithWorkerProcesses_SameResultAsLocal()
    {
        using var certificate = TestCertificates.SelfSigned();
        var pfx = TestCertificates.WritePfx(certificate);
        var password = TestCertificates.WritePasswordFile();
        var secret = RemoteTestSupport.WriteSecretFile();
        try
        {
            string[] tls = ["--tls-cert", pfx, "--tls-password-file", password];
            var starting = new[] { WorkerProcess.StartAsync(tls, secret, 1, Data), WorkerProcess.StartAsync(tls, secret, 1, Data) };
            using var first = await starting[0];
            using var second = await starting[1];
            var catalog = new InMemoryCatalog();
            GeneratedDataSpec.Register(catalog, Data);
            using var scheduler = new RemoteQueryScheduler(new RemoteSchedulerOptions
            {
                Workers = [WorkerEndpoint.Parse(first.Address, "test"), WorkerEndpoint.Parse(second.Address, "test")],
                Secret = RemoteTestSupport.SecretBytes,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                Tls = true,
                TlsThumbprint = certificate.GetCertHashString(),
            });

            var result = await RemoteTestSupport.Engine(catalog, scheduler).QueryAsync(Sql);

            var expected = await TestEngines.Local(catalog).QueryAsync(Sql);
            ResultAssert.Equivalent(expected, result, ordered: false, Sql);
        }
        finally
        {
            File.Delete(pfx);
            File.Delete(password);
            File.Delete(secret);
        }
    }

    [Test]
    public void MissingCertificateFile_WorkerExitsNamingTheOption()
    {
        var missing = Path.Combine(Path.GetTempPath(), "engine-no-such-" + Guid.NewGuid().ToString("N") + ".pfx");

        Assert.That(() => WorkerProcess.StartAsync(["--tls-cert", missing], null, 1, Data),
            Throws.InvalidOperationException.With.Message.Contains("Invalid configuration '--tls-cert'").And.Message.Contains(missing));
    }
}
