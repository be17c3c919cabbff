using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Engine.Tests.Support;

/// <summary>
/// Runs the pinned Node oracles in <c>Engine.Tests/node</c>. Installs them from the lock file with
/// <c>npm install</c> on first use, once per machine, guarded by a named mutex so parallel test processes do
/// not race; then runs a script with the given standard input and returns its standard output. Not
/// <c>npm ci</c>: the registry reachable here lacks the other platforms' optional DuckDB bindings, so the
/// lock file cannot list them and <c>npm ci</c> rejects it as out of sync.
/// </summary>
public static class NodeRunner
{
    private static readonly SemaphoreSlim s_installGate = new(1, 1);
    private static volatile bool s_installed;

    /// <summary>Runs <c>node script args…</c> in the node folder; throws with stderr when it exits non-zero.</summary>
    public static async Task<string> RunScriptAsync(string script, IReadOnlyList<string> args, string? standardInput = null, TimeSpan? timeout = null)
    {
        await EnsureInstalledAsync();
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = TestPaths.NodeTools,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add(Path.Combine(TestPaths.NodeTools, script));
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        var (exitCode, stdout, stderr) = await RunAsync(startInfo, standardInput, timeout ?? TimeSpan.FromMinutes(3));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {exitCode}: {stderr}");
        }

        return stdout;
    }

    /// <summary>Installs the pinned packages from the lock file when node_modules misses any of them.</summary>
    public static async Task EnsureInstalledAsync()
    {
        if (s_installed)
        {
            return;
        }

        await s_installGate.WaitAsync();
        try
        {
            if (s_installed)
            {
                return;
            }

            var marker = Path.Combine(TestPaths.NodeTools, "node_modules", ".package-lock.json");
            if (!AllInstalled(marker))
            {
                // A named mutex serializes installs across test processes; it is owned by the thread that
                // takes it, so the whole install runs on one pool thread.
                await Task.Run(() => InstallUnderMachineLock(marker));
            }

            s_installed = true;
        }
        finally
        {
            s_installGate.Release();
        }
    }

    private static void InstallUnderMachineLock(string marker)
    {
        using var machineLock = new Mutex(initiallyOwned: false, "engine-tests-npm-install");
        if (!machineLock.WaitOne(TimeSpan.FromMinutes(10)))
        {
            throw new TimeoutException("Another test process held the npm install lock for 10 minutes.");
        }

        try
        {
            if (AllInstalled(marker))
            {
                return;
            }

            var startInfo = new ProcessStartInfo("npm")
            {
                WorkingDirectory = TestPaths.NodeTools,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "install", "--no-audit", "--no-fund", "--no-save" })
            {
                startInfo.ArgumentList.Add(arg);
            }

            var (exitCode, _, stderr) = RunAsync(startInfo, null, TimeSpan.FromMinutes(10)).GetAwaiter().GetResult();
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm install failed in {TestPaths.NodeTools}: {stderr}");
            }
        }
        finally
        {
            machineLock.ReleaseMutex();
        }
    }

    /// <summary>True when npm has run and every dependency named in package.json is in node_modules.</summary>
    private static bool AllInstalled(string marker)
    {
        if (!File.Exists(marker))
        {
            return false;
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.NodeTools, "package.json")));
        foreach (var dependency in manifest.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            if (!File.Exists(Path.Combine(TestPaths.NodeTools, "node_modules", dependency.Name, "package.json")))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(ProcessStartInfo startInfo, string? standardInput, TimeSpan timeout)
    {
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}.");
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdoutTask, await stderrTask);
    }
}
