using Engine.Core.Catalog;
using Engine.Core.Generators;

namespace Engine.Tests.Support;

public sealed class CsvTableExporterTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "engine-csv-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task ExportAsync_EdgeCases_WritesHeaderAndLosslessFields()
    {
        var catalog = new InMemoryCatalog();
        EdgeCaseTable.Register(catalog);
        var path = Path.Combine(_folder, "edge.csv");

        await CsvTableExporter.ExportAsync(catalog, EdgeCaseTable.Name, path);

        var text = await File.ReadAllTextAsync(path);
        Assert.That(text, Is.EqualTo(
            "\"t\",\"s\",\"d\",\"i\",\"b\"\n" +
            "2024-01-01 00:00:00.000000,plain,0.1,9223372036854775807,true\n" +
            ",,nan,-9223372036854775808,false\n" +
            "1969-12-31 23:59:59.999999,\"\",,0,true\n" +
            "2024-01-01 00:00:00.123456,\"comma, and \"\"quote\"\"\",inf,,false\n" +
            "9999-12-31 23:59:59.999999,\"line\nbreak\",-inf,-1,\n" +
            "1970-01-02 00:00:00.000000,ünïcödé,1.7976931348623157E+308,42,false\n" +
            "1970-01-01 00:00:00.000005, padded ,-5E-324,1,true\n"));
    }

    [Test]
    public async Task ExportAsync_GeneratedTrades_OneLinePerRowPlusHeader()
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 1234, Symbols = 3, BatchRows = 100 });
        var path = Path.Combine(_folder, "trades.csv");

        await CsvTableExporter.ExportAsync(catalog, "trades", path);

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(1235));
            Assert.That(lines[0], Is.EqualTo("\"ts\",\"symbol\",\"price\",\"volume\""));
            Assert.That(lines[1], Does.Match(@"^2024-01-01 00:00:00\.\d{6},S0001,\d+(\.\d{1,4})?,\d+$"));
        });
    }

    [Test]
    public void ExportAsync_UnknownTable_ThrowsNamingIt()
    {
        Assert.That(async () => await CsvTableExporter.ExportAsync(new InMemoryCatalog(), "missing", Path.Combine(_folder, "x.csv")),
            Throws.ArgumentException.With.Message.Contains("missing"));
    }
}
