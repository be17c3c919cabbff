using System.Diagnostics;
using System.Globalization;
using System.Text;
using Engine.Storage.ObjectStores;

namespace Engine.Bench.Runner;

/// <summary>
/// An s3rver (npm, pinned in Engine.Tests/node) started for one benchmark run on 127.0.0.1 with a port the OS
/// picks, with a fresh data folder; disposing kills that process by id and deletes the folder. The node tools
/// must be installed (<c>npm install --no-audit --no-fund --no-save</c> in Engine.Tests/node; the tests do it).
/// </summary>
internal sealed class S3rverProcess : IDisposable
{
    /// <summary>The one bucket the server serves.</summary>
    public const string Bucket = "engine-bench";

    private const string AccessKey = "S3RVER";
    private readonly Process _process;
    private readonly string _directory;

    private S3rverProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        ServiceUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
    }

    /// <summary>The endpoint, http://127.0.0.1:port.</summary>
    public string ServiceUrl { get; }

    /// <summary>Starts the server from the node tools folder <paramref name="nodeTools"/> and waits until it listens.</summary>
    public static async Task<S3rverProcess> StartAsync(string nodeTools)
    {
        var script = Path.Combine(nodeTools, "s3rver-start.mjs");
        if (!File.Exists(script) || !Directory.Exists(Path.Combine(nodeTools, "node_modules", "s3rver")))
        {
            throw new InvalidOperationException($"s3rver is not installed in '{nodeTools}': run 'npm install --no-audit --no-fund --no-save' there, or pass --node-dir.");
        }

        var directory = Directory.CreateTempSubdirectory("engine-bench-s3rver-").FullName;
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = nodeTools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        // s3rver's ListObjectsV2 continuation tokens use DES, which OpenSSL 3 keeps in its legacy provider.
        startInfo.ArgumentList.Add("--openssl-legacy-provider");
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add(directory);
        startInfo.ArgumentList.Add(Bucket);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start node for s3rver.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            using var readiness = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var line = await process.StandardOutput.ReadLineAsync(readiness.Token).ConfigureAwait(false);
            if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal) ||
                !int.TryParse(line.AsSpan("listening ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                throw new InvalidOperationException($"s3rver did not start (first line '{line}').");
            }

            return new S3rverProcess(process, directory, port);
        }
        catch
        {
            Stop(process, directory);
            throw;
        }
    }

    /// <summary>Finds Engine.Tests/node in the working folder or one of its parents (the repository root).</summary>
    public static string FindNodeTools()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "Engine.Tests", "node");
            if (File.Exists(Path.Combine(candidate, "s3rver-start.mjs")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Engine.Tests/node was not found above the working folder; run from the repository or pass --node-dir.");
    }

    /// <summary>Store options for this server under <paramref name="prefix"/>.</summary>
    public S3StorageOptions CreateOptions(string prefix) => new()
    {
        Bucket = Bucket,
        Prefix = prefix,
        ServiceUrl = ServiceUrl,
        AccessKeyId = AccessKey,
        SecretAccessKey = AccessKey,
    };

    /// <summary>Kills the server process (by its id, with its children) and deletes its data folder.</summary>
    public void Dispose() => Stop(_process, _directory);

    private static void Stop(Process process, string directory)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
