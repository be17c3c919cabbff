using System.Diagnostics;
using System.Text.Json;
using Engine.Tests.Support;

namespace Engine.Tests.Cli;

/// <summary>The real <c>engine</c> executable: stdout carries only the result, errors go to stderr with a non-zero exit code.</summary>
[NonParallelizable]
public class EngineCommandTests
{
    private static string s_workingDirectory = string.Empty;

    [OneTimeSetUp]
    public static void CreateWorkingDirectory()
    {
        s_workingDirectory = Directory.CreateTempSubdirectory("engine-cli-").FullName;
    }

    [OneTimeTearDown]
    public static void DeleteWorkingDirectory() => Directory.Delete(s_workingDirectory, recursive: true);

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunEngine(params string[] args) =>
        RunEngineWith(new Dictionary<string, string>(), args);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunEngineWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "engine.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = s_workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
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
    }

    [Test]
    public async Task QueryWithoutData_GeneratesTheSamplesUnderDataOnceAndReusesThem()
    {
        var (first, _, _) = await RunEngine("query", "SELECT count(*) FROM trades", "--format", "csv");
        var (exitCode, stdout, stderr) = await RunEngine("query", "SELECT count(*) FROM cpu", "--format", "csv");
        Assert.That(first, Is.Zero);
        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stdout.ReplaceLineEndings("\n"), Is.EqualTo("count(*)\n86400\n"));
        Assert.That(stderr, Does.Not.Contain("generating"), "the second run reuses ./data");
        Assert.That(Directory.Exists(Path.Combine(s_workingDirectory, "data", "trades", "symbol=S0001")), Is.True);
    }

    [Test]
    public async Task Generate_WritesHiveParquetThatQueryReadsWithData()
    {
        var output = Path.Combine(s_workingDirectory, "generated");
        var (exitCode, _, stderr) = await RunEngine("generate", "trades", "--rows", "1000", "--symbols", "3", "--out", output, "--seed", "7");
        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stderr, Does.Contain("wrote 1,000 rows of trades"));
        Assert.That(Directory.GetDirectories(Path.Combine(output, "trades")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "symbol=S0001", "symbol=S0002", "symbol=S0003" }));

        (exitCode, _, stderr) = await RunEngine("generate", "cpu", "--hosts", "2", "--start", "2024-01-01T23:00:00Z", "--end", "2024-01-02T01:00:00Z", "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);

        var (queryExit, stdout, queryError) = await RunEngine("query", "SELECT count(*), count(DISTINCT date) FROM cpu", "--data", output, "--format", "csv");
        Assert.That(queryExit, Is.Zero, queryError);
        Assert.That(stdout.ReplaceLineEndings("\n"), Is.EqualTo("count(*),count(DISTINCT date)\n1440,2\n"));
    }

    [Test]
    public async Task GenerateIntoAnExistingTable_RefusesAndKeepsIt()
    {
        var output = Path.Combine(s_workingDirectory, "twice");
        await RunEngine("generate", "trades", "--rows", "10", "--symbols", "1", "--out", output);
        var (exitCode, _, stderr) = await RunEngine("generate", "trades", "--rows", "10", "--symbols", "1", "--out", output);
        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("already exists"));
        Assert.That(File.Exists(Path.Combine(output, "trades", "symbol=S0001", "part-0.parquet")), Is.True);
    }

    [TestCase("trades", "--rows", "-5", "'--rows': must not be negative")]
    [TestCase("trades", "--symbols", "0", "'--symbols': must be at least 1")]
    [TestCase("cpu", "--start", "yesterday", "'yesterday' is not an ISO-8601 timestamp")]
    public async Task GenerateWithBadOptions_NamesTheOption(string table, string option, string value, string message)
    {
        var (exitCode, _, stderr) = await RunEngine("generate", table, option, value, "--out", Path.Combine(s_workingDirectory, "bad"));
        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain(message));
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
        Assert.That(stdout, Does.StartWith("Table: trades"), "progress never goes to stdout");
    }

    [Test]
    public async Task Csv_QuotesCellsThatNeedIt()
    {
        var (exitCode, stdout, _) = await RunEngine("query", "SELECT 'a,b' AS \"x\", 1 AS y FROM trades LIMIT 1", "--format", "csv");
        Assert.That(exitCode, Is.Zero);
        Assert.That(stdout.ReplaceLineEndings("\n"), Is.EqualTo("x,y\n\"a,b\",1\n"));
    }

    [Test]
    public async Task Inspect_DescribesSchemaRowGroupsAndChunkStatistics()
    {
        var file = Path.Combine(TestPaths.TestData, "parquet-testing", "alltypes_plain.snappy.parquet");
        var (exitCode, stdout, stderr) = await RunEngine("inspect", file);
        Assert.That(exitCode, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("2 rows").And.Contain("Created by: impala").And.Contain("timestamp_col: Int96").And.Contain("Snappy"));
    }

    [Test]
    public async Task InspectAsJson_IsOneDocumentWithRowGroups()
    {
        var file = Path.Combine(TestPaths.TestData, "parquet-testing", "alltypes_plain.parquet");
        var (exitCode, stdout, _) = await RunEngine("inspect", file, "--format", "json");
        Assert.That(exitCode, Is.Zero);
        using var json = JsonDocument.Parse(stdout);
        Assert.That(json.RootElement.GetProperty("Rows").GetInt64(), Is.EqualTo(8));
        Assert.That(json.RootElement.GetProperty("RowGroups")[0].GetProperty("Columns").GetArrayLength(), Is.EqualTo(11));
    }

    [Test]
    public async Task InspectOfACorruptFile_IsATypedErrorWithExitCodeOne()
    {
        var file = Path.Combine(s_workingDirectory, "garbage.parquet");
        await File.WriteAllBytesAsync(file, "PAR1 this is not a parquet file PAR1"u8.ToArray());
        var (exitCode, stdout, stderr) = await RunEngine("inspect", file);
        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain("Corrupt data in 'garbage.parquet'"));
    }

    [Test]
    public async Task GenerateQueryAndInspect_WorkOnS3WithTheStandardAwsEnvironment()
    {
        var server = await Engine.Tests.Storage.S3.S3TestServer.SharedAsync();
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_S3"] = server.ServiceUrl,
            ["AWS_ACCESS_KEY_ID"] = Engine.Tests.Storage.S3.S3TestServer.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = Engine.Tests.Storage.S3.S3TestServer.AccessKey,
            ["AWS_REGION"] = "us-east-1",
        };
        var root = $"s3://{Engine.Tests.Storage.S3.S3TestServer.Bucket}/cli-{Guid.NewGuid():N}/";

        var (generated, _, generateError) = await RunEngineWith(environment, "generate", "trades", "--rows", "3000", "--symbols", "3", "--out", root);
        Assert.That(generated, Is.Zero, generateError);
        var (again, _, againError) = await RunEngineWith(environment, "generate", "trades", "--rows", "3000", "--symbols", "3", "--out", root);
        Assert.That(again, Is.EqualTo(1));
        Assert.That(againError, Does.Contain("already exists"));

        var (queried, stdout, queryError) = await RunEngineWith(environment, "query", "SELECT symbol, count(*) FROM trades GROUP BY symbol ORDER BY symbol", "--data", root, "--format", "csv");
        Assert.That(queried, Is.Zero, queryError);
        Assert.That(stdout.ReplaceLineEndings("\n"), Is.EqualTo("symbol,count(*)\nS0001,1000\nS0002,1000\nS0003,1000\n"));

        var (inspected, description, inspectError) = await RunEngineWith(environment, "inspect", root + "trades/symbol=S0002/part-0.parquet");
        Assert.That(inspected, Is.Zero, inspectError);
        Assert.That(description, Does.Contain("1,000 rows").And.Contain("volume"));
    }

    [Test]
    public async Task QueryWithAMissingDataFolder_FailsInsteadOfCreatingIt()
    {
        var missing = Path.Combine(s_workingDirectory, "no-such-folder");
        var (exitCode, _, stderr) = await RunEngine("query", "SELECT 1 FROM trades", "--data", missing);
        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("no such folder"));
        Assert.That(Directory.Exists(missing), Is.False);
    }
}
