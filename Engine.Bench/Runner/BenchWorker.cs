using System.Diagnostics;

namespace Engine.Bench.Runner;

/// <summary>
/// One <c>engine worker</c> process on 127.0.0.1 with a port the OS picks, for the <c>remote</c> mode. Ready
/// once it prints its "listening on" line; its log (stderr) is drained and dropped so the pipe never fills.
/// Dispose kills it by process id and waits for it to exit.
/// </summary>
internal sealed class BenchWorker : IDisposable
{
    private const string ListeningPrefix = "listening on ";
    private readonly Process _process;

    private BenchWorker(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The worker's <c>host:port</c>.</summary>
    public string Address { get; }

    /// <summary>The worker's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts <c>dotnet <paramref name="engineDll"/> worker</c> serving <paramref name="data"/> with one thread.</summary>
    public static async Task<BenchWorker> StartAsync(string engineDll, string data, string secretFile)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { engineDll, "worker", "--listen", "127.0.0.1:0", "--data", data, "--secret-file", secretFile, "--threads", "1" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
            if (line is null || !line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The worker did not start (exit code {(process.HasExited ? process.ExitCode : -1)}): stdout '{line}'.");
            }

            return new BenchWorker(process, line[ListeningPrefix.Length..]);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Kills the worker by its process id and waits for it.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                using var byId = Process.GetProcessById(_process.Id);
                byId.Kill();
            }
            catch (ArgumentException)
            {
                // It exited between the check and the look-up.
            }
        }

        _process.WaitForExit();
        _process.Dispose();
    }
}
