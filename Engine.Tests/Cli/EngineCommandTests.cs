using System.Diagnostics;
using System.Text.Json;
using Engine.Tests.Support;

namespace Engine.Tests.Cli;

/// <summary>The real <c>engine</c> executable: stdout carries only the result, errors go to stderr with a non-zero exit code.</summary>
public class EngineCommandTests
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunEngine(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "engine.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
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
    public async Task QueryAsJson_PrintsOneArrayOfRowObjectsInSelectOrderAndNothingElse()
    {
        var (exitCode, stdout, stderr) = await RunEngine("query",
            "SELECT symbol, time_bucket('1h', ts) AS hour, count(*) AS n, avg(price) FROM trades WHERE symbol = 'S0002' GROUP BY symbol, hour ORDER BY hour LIMIT 2",
            "--format", "json");
        Assert.That(exitCode, Is.Zero, stderr);
        using var json = JsonDocument.Parse(stdout);
        var rows = json.RootElement.EnumerateArray().ToArray();
        Assert.That(rows, Has.Length.EqualTo(2));
        Assert.That(rows[0].EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "symbol", "hour", "n", "avg(price)" }));
        Assert.That(rows[0].GetProperty("symbol").GetString(), Is.EqualTo("S0002"));
        Assert.That(rows[0].GetProperty("hour").GetString(), Is.EqualTo("2024-01-01T00:00:00Z"));
        Assert.That(rows[0].GetProperty("n").GetInt64(), Is.EqualTo(36_000));
        Assert.That(stderr, Does.Contain("generating sample tables in memory"));
    }

    [Test]
    public async Task BadQuery_PrintsTheErrorOnStderrAndExitsWithOne()
    {
        var (exitCode, stdout, stderr) = await RunEngine("query", "SELECT nope FROM trades");
        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain("Column 'nope' does not exist").And.Contain("^"));
    }

    [Test]
    public async Task Explain_ShowsTheModeAndItsReason()
    {
        var (exitCode, stdout, _) = await RunEngine("query", "SELECT count(*) FROM trades WHERE symbol = 'S0001'", "--explain", "--threads", "2");
        Assert.That(exitCode, Is.Zero);
        Assert.That(stdout, Does.Contain("Pruning: 1 of 20 partitions").And.Contain("Mode: SERIAL (50,000 rows is below SerialThresholdRows (1,000,000))"));
    }

    [Test]
    public async Task Csv_QuotesCellsThatNeedIt()
    {
        var (exitCode, stdout, _) = await RunEngine("query", "SELECT 'a,b' AS \"x\", 1 AS y FROM trades LIMIT 1", "--format", "csv");
        Assert.That(exitCode, Is.Zero);
        Assert.That(stdout.ReplaceLineEndings("\n"), Is.EqualTo("x,y\n\"a,b\",1\n"));
    }
}
