using System.Net;
using System.Security.Cryptography.X509Certificates;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Schedulers.Remote.Coordinator;
using Engine.Schedulers.Remote.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Remote;

/// <summary>
/// TLS against a real <see cref="WorkerServer"/> on loopback that serves a self-signed certificate: a pinned
/// thumbprint or the issuing CA is trusted, anything else fails naming the worker, and a plain-TCP peer is
/// dropped before it can run anything (the worker's counters show it).
/// </summary>
public sealed class WorkerTlsTests
{
    private const string Data = "gen:trades:rows=2000:symbols=2";
    private const string Sql = "SELECT count(*) FROM trades";
    private InMemoryCatalog _catalog = null!;
    private WorkerServer _server = null!;
    private CancellationTokenSource _stop = null!;
    private Task _running = null!;
    private X509Certificate2 _authority = null!;
    private X509Certificate2 _certificate = null!;
    private string _address = string.Empty;

    [SetUp]
    public void StartWorker()
    {
        _catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(_catalog, Data);
        _authority = TestCertificates.Authority();
        _certificate = TestCertificates.IssuedBy(_authority);
        _server = new WorkerServer(
            new WorkerOptions
            {
                Listen = new IPEndPoint(IPAddress.Loopback, 0),
                NodeName = "tls-worker",
                Secret = RemoteTestSupport.SecretBytes,
                TlsCertificate = _certificate,
                Threads = 2,
            },
            _catalog, _catalog, NullLogger.Instance);
        _address = _server.Start().ToString();
        _stop = new CancellationTokenSource();
        _running = _server.RunAsync(_stop.Token);
    }

    [TearDown]
    public async Task StopWorker()
    {
        await StopServerAsync();
        await _server.DisposeAsync();
        _stop.Dispose();
        _certificate.Dispose();
        _authority.Dispose();
    }

    [Test]
    public async Task PinnedThumbprint_QueryRunsOverTls()
    {
        using var scheduler = Scheduler(tls: true, thumbprint: _certificate.GetCertHashString());

        var result = await RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync(Sql);

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(2000));
    }

    [Test]
    public async Task PinnedSha256Thumbprint_QueryRunsOverTls()
    {
        using var scheduler = Scheduler(tls: true, thumbprint: _certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));

        var result = await RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync(Sql);

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(2000));
    }

    [Test]
    public async Task IssuingCaConfigured_QueryRunsOverTls()
    {
        using var scheduler = Scheduler(tls: true, authorities: [_authority]);

        var result = await RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync(Sql);

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(2000));
    }

    [Test]
    public void WrongThumbprint_FailsNamingTheWorkerAndNothingRuns()
    {
        using var other = TestCertificates.SelfSigned();
        using var scheduler = Scheduler(tls: true, thumbprint: other.GetCertHashString());

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync(Sql));

        Assert.That(error!.Message, Does.Contain($"worker {_address}: TLS handshake failed"));
        Assert.That(error.Message, Does.Contain($"is not the configured {other.GetCertHashString()}"));
        Assert.That(_server.FragmentsReceived, Is.Zero);
    }

    [Test]
    public void OtherCa_FailsNamingTheWorker()
    {
        using var otherAuthority = TestCertificates.Authority();
        using var scheduler = Scheduler(tls: true, authorities: [otherAuthority]);

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync(Sql));

        Assert.That(error!.Message, Does.Contain($"worker {_address}: TLS handshake failed").And.Contain("not issued by the configured CA"));
    }

    [Test]
    public void SystemTrustStore_RejectsTheTestCertificate()
    {
        using var scheduler = Scheduler(tls: true);

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync(Sql));

        Assert.That(error!.Message, Does.Contain($"worker {_address}: TLS handshake failed").And.Contain("is not trusted"));
    }

    [Test]
    public async Task PlainTcpClient_IsRejectedBeforeAnyFragment()
    {
        using var scheduler = Scheduler(tls: false);

        Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync(Sql));
        await StopServerAsync();

        Assert.That(_server.ConnectionsAccepted, Is.Positive);
        Assert.That(_server.PeersRejected, Is.EqualTo(_server.ConnectionsAccepted));
        Assert.That(_server.FragmentsReceived, Is.Zero);
    }

    private RemoteQueryScheduler Scheduler(bool tls, string? thumbprint = null, X509Certificate2[]? authorities = null) =>
        new(new RemoteSchedulerOptions
        {
            Workers = [WorkerEndpoint.Parse(_address, "test")],
            Secret = RemoteTestSupport.SecretBytes,
            FragmentTimeout = TimeSpan.FromSeconds(30),
            HeartbeatInterval = TimeSpan.FromMilliseconds(500),
            ConnectTimeout = TimeSpan.FromSeconds(1),
            MaxAttempts = 1,
            NodeName = "test-coordinator",
            Tls = tls,
            TlsThumbprint = thumbprint,
            TlsCaCertificates = authorities is null ? null : new X509Certificate2Collection(authorities),
        });

    private async Task StopServerAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _running;
    }
}
