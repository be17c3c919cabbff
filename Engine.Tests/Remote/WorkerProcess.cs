using System.Diagnostics;
using System.Net;
using System.Threading.Channels;

namespace Engine.Tests.Remote;

/// <summary>
/// A real <c>engine worker</c> process on 127.0.0.1 with a port the OS picks. Ready once it has printed its
/// "listening on" line; stderr lines are collected so a test can wait for a log line. Dispose kills it by
/// process id and waits for it to exit.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(1);
    private readonly Process _process;
    private readonly Channel<string> _stderrLines = Channel.CreateUnbounded<string>();

    private WorkerProcess(Process process, IPEndPoint endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public IPEndPoint Endpoint { get; }

    public string Address => Endpoint.ToString();

    public bool HasExited => _process.HasExited;

    /// <summary>The worker's resident set size now, from /proc (Linux).</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{_process.Id}/status has no VmRSS line.");
    }

    public static Task<WorkerProcess> StartAsync(string? secretFile, int threads, params string[] data) => StartAsync([], secretFile, threads, data);

    /// <summary>Starts a worker with <paramref name="options"/> added to its command line (e.g. <c>--tls-cert F</c>).</summary>
    public static Task<WorkerProcess> StartAsync(IEnumerable<string> options, string? secretFile, int threads, params string[] data) =>
        StartOnAsync("127.0.0.1:0", options, secretFile, threads, data);

    /// <summary>Starts a worker listening on <paramref name="listen"/> (e.g. the address of a worker that was stopped).</summary>
    public static async Task<WorkerProcess> StartOnAsync(string listen, IEnumerable<string> options, string? secretFile, int threads, params string[] data)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "engine.dll"));
        foreach (var arg in new[] { "worker", "--listen", listen, "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(options))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var spec in data)
        {
            start.ArgumentList.Add("--data");
            start.ArgumentList.Add(spec);
        }

        if (secretFile is not null)
        {
            start.ArgumentList.Add("--secret-file");
            start.ArgumentList.Add(secretFile);
        }

        var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(s_startTimeout);
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            const string prefix = "listening on ";
            if (line is null || !line.StartsWith(prefix, StringComparison.Ordinal))
            {
                var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
                throw new InvalidOperationException($"The worker did not start: stdout '{line}', stderr '{stderr}'.");
            }

            var worker = new WorkerProcess(process, IPEndPoint.Parse(line[prefix.Length..]));
            _ = worker.PumpStderrAsync();
            return worker;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Waits until the worker logs a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string text)
    {
        using var timeout = new CancellationTokenSource(s_startTimeout);
        await foreach (var line in _stderrLines.Reader.ReadAllAsync(timeout.Token))
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The worker exited without logging '{text}'.");
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private async Task PumpStderrAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
            {
                await _stderrLines.Writer.WriteAsync(line);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The process was killed.
        }
        finally
        {
            _stderrLines.Writer.TryComplete();
        }
    }
}
