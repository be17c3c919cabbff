using System.Diagnostics;
using System.Text;
using Engine.Storage.ObjectStores;
using Engine.Tests.Support;

namespace Engine.Tests.Storage.S3;

/// <summary>
/// One s3rver process (npm, pinned in Engine.Tests/node) shared by the S3 tests of this test run: started on
/// first use on 127.0.0.1 with a port the OS picks, ready when its wrapper script prints the port, stopped by
/// <see cref="StopShared"/> (from <see cref="StorageTestsLifetime"/>) by killing that process and deleting its
/// data folder. Tests isolate themselves by using a fresh key prefix each.
/// </summary>
internal sealed class S3TestServer
{
    /// <summary>The bucket the server is started with.</summary>
    public const string Bucket = "engine-tests";

    /// <summary>The access key s3rver accepts.</summary>
    public const string AccessKey = "S3RVER";

    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static S3TestServer? s_shared;

    private readonly Process _process;
    private readonly string _directory;

    private S3TestServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        ServiceUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary>The endpoint, http://127.0.0.1:port.</summary>
    public string ServiceUrl { get; }

    /// <summary>The shared server, started on first call.</summary>
    public static async Task<S3TestServer> SharedAsync()
    {
        await s_gate.WaitAsync();
        try
        {
            return s_shared ??= await StartAsync();
        }
        finally
        {
            s_gate.Release();
        }
    }

    /// <summary>Stops the shared server when one was started (kills its process by id, deletes its data).</summary>
    public static void StopShared()
    {
        s_gate.Wait();
        try
        {
            s_shared?.Stop();
            s_shared = null;
        }
        finally
        {
            s_gate.Release();
        }
    }

    /// <summary>Store options for this server under a fresh key prefix, with millisecond retry delays.</summary>
    public S3StorageOptions CreateOptions(string? prefix = null) => new()
    {
        Bucket = Bucket,
        Prefix = prefix ?? "t-" + Guid.NewGuid().ToString("N") + "/",
        ServiceUrl = ServiceUrl,
        AccessKeyId = AccessKey,
        SecretAccessKey = AccessKey,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(8),
    };

    private static async Task<S3TestServer> StartAsync()
    {
        await NodeRunner.EnsureInstalledAsync();
        var directory = Path.Combine(Path.GetTempPath(), "engine-s3rver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = TestPaths.NodeTools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        // s3rver's ListObjectsV2 continuation tokens use DES, which OpenSSL 3 keeps in its legacy provider.
        startInfo.ArgumentList.Add("--openssl-legacy-provider");
        startInfo.ArgumentList.Add(Path.Combine(TestPaths.NodeTools, "s3rver-start.mjs"));
        startInfo.ArgumentList.Add(directory);
        startInfo.ArgumentList.Add(Bucket);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start node for s3rver.");
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            using var readiness = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var line = await process.StandardOutput.ReadLineAsync(readiness.Token);
            if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal) || !int.TryParse(line.AsSpan("listening ".Length), out var port))
            {
                await process.WaitForExitAsync(readiness.Token);
                string errors;
                lock (stderr)
                {
                    errors = stderr.ToString();
                }

                throw new InvalidOperationException($"s3rver did not start (first line '{line}', exit code {process.ExitCode}): {errors}");
            }

            return new S3TestServer(process, directory, port);
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    private void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
