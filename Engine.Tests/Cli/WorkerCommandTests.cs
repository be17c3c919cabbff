using System.Diagnostics;
using Engine.Tests.Remote;

namespace Engine.Tests.Cli;

/// <summary><c>engine worker</c> and <c>engine query --scheduler remote</c> as real processes.</summary>
public sealed class WorkerCommandTests
{
    private const string Data = "gen:trades:rows=20000:symbols=3";
    private const string Sql = "SELECT symbol, count(*), sum(volume), min(price) FROM trades GROUP BY symbol ORDER BY symbol";

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunEngine(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "engine.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Test]
    public async Task QueryWithRemoteScheduler_PrintsWhatTheLocalSchedulerPrints()
    {
        var secretFile = RemoteTestSupport.WriteSecretFile();
        try
        {
            using var worker = await WorkerProcess.StartAsync(secretFile, 2, Data);

            var remote = await RunEngine("query", Sql, "--format", "csv", "--data", Data, "--scheduler", "remote", "--workers", worker.Address, "--secret-file", secretFile);
            var local = await RunEngine("query", Sql, "--format", "csv", "--data", Data);

            Assert.That(remote.ExitCode, Is.Zero, remote.Stderr);
            Assert.That(remote.Stdout, Is.EqualTo(local.Stdout));
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Test]
    public async Task QueryWithTlsAndPinnedThumbprint_PrintsWhatTheLocalSchedulerPrints()
    {
        using var certificate = TestCertificates.SelfSigned();
        var pfx = TestCertificates.WritePfx(certificate);
        var password = TestCertificates.WritePasswordFile();
        var secretFile = RemoteTestSupport.WriteSecretFile();
        try
        {
            using var worker = await WorkerProcess.StartAsync(["--tls-cert", pfx, "--tls-password-file", password], secretFile, 2, Data);

            var remote = await RunEngine("query", Sql, "--format", "csv", "--data", Data, "--scheduler", "remote", "--workers", worker.Address,
                "--secret-file", secretFile, "--tls", "--tls-thumbprint", certificate.GetCertHashString());
            var local = await RunEngine("query", Sql, "--format", "csv", "--data", Data);

            Assert.That(remote.ExitCode, Is.Zero, remote.Stderr);
            Assert.That(remote.Stdout, Is.EqualTo(local.Stdout));
        }
        finally
        {
            File.Delete(pfx);
            File.Delete(password);
            File.Delete(secretFile);
        }
    }

    [Test]
    public async Task QueryWithTlsAndABadThumbprint_ExitsWithOneNamingTheOption()
    {
        var (exitCode, _, stderr) = await RunEngine("query", Sql, "--data", Data, "--scheduler", "remote", "--workers", "127.0.0.1:7400", "--tls", "--tls-thumbprint", "not-hex");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("'Engine:Scheduler:TlsThumbprint'"));
    }

    [Test]
    public async Task RemoteWorkersServingAParquetFolder_AnswerLikeTheLocalScheduler()
    {
        var folder = Directory.CreateTempSubdirectory("engine-remote-parquet-").FullName;
        var secretFile = RemoteTestSupport.WriteSecretFile();
        try
        {
            var generated = await RunEngine("generate", "trades", "--rows", "20000", "--symbols", "4", "--out", folder);
            Assert.That(generated.ExitCode, Is.Zero, generated.Stderr);
            using var first = await WorkerProcess.StartAsync(secretFile, 1, folder);
            using var second = await WorkerProcess.StartAsync(secretFile, 1, folder);

            var workers = $"{first.Address},{second.Address}";
            var remote = await RunEngine("query", Sql, "--format", "csv", "--data", folder, "--scheduler", "remote", "--workers", workers, "--secret-file", secretFile);
            var local = await RunEngine("query", Sql, "--format", "csv", "--data", folder);

            Assert.That(remote.ExitCode, Is.Zero, remote.Stderr);
            Assert.That(local.Stdout, Does.StartWith("symbol,count(*),sum(volume),min(price)").And.Contain("S0004,5000,"));
            Assert.That(remote.Stdout, Is.EqualTo(local.Stdout));
        }
        finally
        {
            File.Delete(secretFile);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task QueryWithRemoteSchedulerAndNoReachableWorker_ExitsWithOneNamingTheWorker()
    {
        var closed = RemoteTestSupport.ClosedAddress();

        var (exitCode, stdout, stderr) = await RunEngine("query", Sql, "--data", Data, "--scheduler", "remote", "--workers", closed);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain($"worker {closed}: "));
    }

    [Test]
    public async Task WorkerWithABadListenAddress_ExitsWithOneNamingTheOption()
    {
        var (exitCode, _, stderr) = await RunEngine("worker", "--listen", "nowhere");

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("'--listen'").And.Contain("'nowhere' is not ADDRESS:PORT"));
    }
}
