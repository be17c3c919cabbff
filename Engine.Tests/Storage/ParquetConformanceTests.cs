using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Tests.Support;

namespace Engine.Tests.Storage;

/// <summary>
/// Every good file of the Parquet corpora is read completely and compared with the DuckDB-computed
/// NAME.expected.json beside it: row count, and per column nulls, min, max, sum, true count and the first rows.
/// </summary>
[TestFixture]
public sealed class ParquetConformanceTests
{
    /// <summary>Files holding a value Engine cannot represent, with the column that must fail (by name).</summary>
    private static readonly Dictionary<string, string> s_outOfRangeColumns = new(StringComparer.Ordinal)
    {
        // UINT_64 extremes: 18446744073709551615 does not fit Engine's Int64 and must fail, never wrap.
        ["parquet-extra/signs.parquet"] = "unsigned_int64",
    };

    private static IEnumerable<string> GoodFiles() => ParquetCorpus.GoodFiles();

    [TestCaseSource(nameof(GoodFiles))]
    public async Task GoodFile_ReadCompletely_MatchesDuckDbExpectations(string file)
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(ExpectedPath(file)));
        var root = expected.RootElement;
        var reader = await ParquetFileReader.OpenAsync(store, file);
        Assert.That(reader.RowCount, Is.EqualTo(root.GetProperty("rows").GetInt64()), "rows");

        var names = reader.Schema.Fields.Select(f => f.Name).ToList();
        if (s_outOfRangeColumns.TryGetValue(file, out var failing))
        {
            var error = Assert.ThrowsAsync<UnsupportedFeatureException>(async () => await ReadAllAsync(reader, [failing]));
            Assert.That(error!.Message, Does.Contain($"'{failing}'"));
            names.Remove(failing);
        }

        var values = await ReadAllAsync(reader, names);
        var caveat = root.TryGetProperty("caveats", out _);
        Assert.Multiple(() =>
        {
            foreach (var column in root.GetProperty("columns").EnumerateArray())
            {
                var name = column.GetProperty("name").GetString()!;
                if (!values.TryGetValue(name, out var actual))
                {
                    continue;
                }

                CheckColumn(name, column, actual, skipMinMax: caveat);
            }

            var rowIndex = 0;
            foreach (var row in root.GetProperty("first_rows").EnumerateArray())
            {
                foreach (var cell in row.EnumerateObject())
                {
                    if (!values.TryGetValue(cell.Name, out var actual))
                    {
                        continue;
                    }

                    var duckType = DuckType(root, cell.Name);
                    var expectedText = cell.Value.ValueKind == JsonValueKind.Null ? null : cell.Value.GetString();
                    var matches = DuckDbText.Matches(expectedText, actual[rowIndex], duckType, out var rendered);
                    Assert.That(matches, Is.True, $"row {rowIndex} column '{cell.Name}': expected {expectedText ?? "NULL"}, read {rendered}");
                }

                rowIndex++;
            }
        });
    }

    [Test]
    public async Task Int96FromSpark_YearBeyondNanosecondRange_ReadsTrueInstant()
    {
        var store = new FileSystemObjectStore(TestPaths.TestData);
        var reader = await ParquetFileReader.OpenAsync(store, "parquet-testing/int96_from_spark.parquet");
        var values = await ReadAllAsync(reader, ["a"]);
        Assert.That(values["a"][5].Int64Value, Is.EqualTo(9089380393200000000L));
    }

    private static string ExpectedPath(string file) =>
        Path.Combine(TestPaths.TestData, file[..^".parquet".Length] + ".expected.json");

    private static string DuckType(JsonElement root, string column) =>
        root.GetProperty("columns").EnumerateArray().First(c => c.GetProperty("name").GetString() == column).GetProperty("duckdb_type").GetString()!;

    private static async Task<Dictionary<string, List<ScalarValue>>> ReadAllAsync(ParquetFileReader reader, List<string> names)
    {
        var result = names.ToDictionary(n => n, _ => new List<ScalarValue>(), StringComparer.Ordinal);
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            var batch = await reader.ReadRowGroupAsync(g, names);
            Assert.That(batch.RowCount, Is.EqualTo(reader.RowGroups[g].RowCount));
            for (var c = 0; c < names.Count; c++)
            {
                var column = batch.Columns[c];
                for (var r = 0; r < column.Length; r++)
                {
                    result[names[c]].Add(column.GetScalar(r));
                }
            }
        }

        return result;
    }

    private static void CheckColumn(string name, JsonElement expected, List<ScalarValue> values, bool skipMinMax)
    {
        var duckType = expected.GetProperty("duckdb_type").GetString()!;
        var present = values.Where(v => !v.IsNull).ToList();
        Assert.That(values.Count - present.Count, Is.EqualTo(expected.GetProperty("nulls").GetInt64()), $"'{name}' nulls");
        if (!skipMinMax)
        {
            CheckBound(name, "min", expected, present, duckType, smallest: true);
            CheckBound(name, "max", expected, present, duckType, smallest: false);
        }

        if (expected.TryGetProperty("true_count", out var trueCount))
        {
            Assert.That(present.Count(v => v.BoolValue), Is.EqualTo(trueCount.GetInt64()), $"'{name}' true_count");
        }

        var sum = expected.GetProperty("sum");
        if (sum.ValueKind == JsonValueKind.String)
        {
            CheckSum(name, sum.GetString()!, present, duckType);
        }
    }

    private static void CheckBound(string name, string property, JsonElement expected, List<ScalarValue> present, string duckType, bool smallest)
    {
        var bound = expected.GetProperty(property);
        var expectedText = bound.ValueKind == JsonValueKind.Null ? null : bound.GetString();
        if (present.Count == 0)
        {
            Assert.That(expectedText, Is.Null, $"'{name}' {property} of an all-NULL column");
            return;
        }

        var best = present[0];
        foreach (var value in present)
        {
            var order = DuckDbText.Compare(value, best, duckType);
            if (smallest ? order < 0 : order > 0)
            {
                best = value;
            }
        }

        var matches = DuckDbText.Matches(expectedText, best, duckType, out var rendered);
        Assert.That(matches, Is.True, $"'{name}' {property}: expected {expectedText}, read {rendered}");
    }

    private static void CheckSum(string name, string expected, List<ScalarValue> present, string duckType)
    {
        if (DuckDbText.IsInteger(duckType))
        {
            Int128 total = 0;
            foreach (var value in present)
            {
                total += value.Int64Value;
            }

            Assert.That(total.ToString(CultureInfo.InvariantCulture), Is.EqualTo(expected), $"'{name}' sum");
            return;
        }

        var scale = DuckDbText.DecimalScale(duckType);
        if (scale >= 0 && present.Count > 0 && present[0].Type == DataType.String)
        {
            var exact = BigInteger.Zero;
            foreach (var value in present)
            {
                exact += DuckDbText.ParseUnscaled(value.StringValue);
            }

            Assert.That(exact, Is.EqualTo(DuckDbText.ParseUnscaled(expected)), $"'{name}' sum");
            return;
        }

        var sum = 0.0;
        foreach (var value in present)
        {
            sum += value.DoubleValue;
        }

        var target = DuckDbText.ParseDouble(expected);
        if (double.IsNaN(target) || double.IsInfinity(target))
        {
            Assert.That(sum, Is.EqualTo(target), $"'{name}' sum");
            return;
        }

        var tolerance = duckType == "FLOAT" ? 1e-6 : 1e-9;
        Assert.That(sum, Is.EqualTo(target).Within(tolerance * Math.Max(1, Math.Abs(target))), $"'{name}' sum");
    }
}
