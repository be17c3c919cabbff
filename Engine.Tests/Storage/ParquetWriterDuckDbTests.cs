using System.Text.Json;
using Engine.Core.Columns;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Parquet.Writing;
using Engine.Tests.Support;

namespace Engine.Tests.Storage;

/// <summary>
/// DuckDB as the oracle for Engine's Parquet writer: every scenario's file is written once, DuckDB reads all
/// of them in one node invocation (duckdb-read-parquet.mjs), and each test compares what DuckDB saw (rows,
/// counts, parquet_schema, parquet_metadata, parquet_file_metadata) with the source batches.
/// </summary>
[TestFixture]
public sealed class ParquetWriterDuckDbTests
{
    private static readonly CompressionCodec[] s_codecs =
    [
        CompressionCodec.Uncompressed, CompressionCodec.Snappy, CompressionCodec.Gzip,
        CompressionCodec.Zstd, CompressionCodec.Brotli, CompressionCodec.Lz4Raw,
    ];

    private readonly Dictionary<string, Scenario> _scenarios = [];
    private readonly Dictionary<string, JsonElement> _results = [];
    private string _directory = string.Empty;

    [OneTimeSetUp]
    public async Task WriteFilesAndReadThemWithDuckDb()
    {
        _directory = Path.Combine(Path.GetTempPath(), "engine-pqwriter-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);

        // Three batches of different sizes and dictionaries, one of them a view at an odd offset.
        var big = ParquetWriterTestData.AllTypes(4000, seed: 3);
        ColumnBatch[] allTypes = [ParquetWriterTestData.AllTypes(1000, seed: 1), big.Slice(1003, 2500), ParquetWriterTestData.AllTypes(1500, seed: 2)];
        foreach (var codec in s_codecs)
        {
            Add($"codec-{codec}", ParquetWriterTestData.AllTypesSchema, allTypes,
                new ParquetWriterOptions { Codec = codec, RowGroupRows = 2000, PageSizeBytes = 4096 });
        }

        Add("default-options", ParquetWriterTestData.AllTypesSchema, allTypes, ParquetWriterOptions.Default);
        Add("row-group-per-row", ParquetWriterTestData.AllTypesSchema, [ParquetWriterTestData.AllTypes(5, seed: 4)],
            new ParquetWriterOptions { RowGroupRows = 1 });
        Add("empty", ParquetWriterTestData.AllTypesSchema, [], ParquetWriterOptions.Default);
        Add("single-row", ParquetWriterTestData.AllTypesSchema, [ParquetWriterTestData.AllTypes(1, seed: 5)], ParquetWriterOptions.Default);
        Add("all-null", AllNullSchema, [AllNullBatch(300)], new ParquetWriterOptions { PageSizeBytes = 64 });
        Add("dictionary-fallback", WideStringSchema, [WideStringBatch(3000, 0), WideStringBatch(3000, 3000)],
            new ParquetWriterOptions { RowGroupRows = 4000, DictionaryPageSizeLimit = 2048, PageSizeBytes = 8192 });
        Add("key-values", ParquetWriterTestData.AllTypesSchema, [ParquetWriterTestData.AllTypes(10, seed: 6)],
            new ParquetWriterOptions { KeyValueMetadata = [new KeyValue("engine.table", "trades"), new KeyValue("engine.note", "ünï")] });

        Add("page-row-limit", ParquetWriterTestData.AllTypesSchema, allTypes,
            new ParquetWriterOptions { RowGroupRows = 2000, PageRowLimit = 70 });
        Add("nan-only-page", DoubleSchema, [Doubles(1.5, double.NaN, double.NaN, double.NaN, -2.0)], new ParquetWriterOptions { PageRowLimit = 2 });
        Add("double-nan", DoubleSchema, [Doubles(1.5, double.NaN, 2.5)], ParquetWriterOptions.Default);
        Add("double-zero", DoubleSchema, [Doubles(1.5, 0.0, 0.0)], ParquetWriterOptions.Default);
        foreach (var scenario in _scenarios.Values)
        {
            await using var file = File.Create(scenario.Path);
            await ParquetFileWriter.WriteAsync(file, scenario.Schema, scenario.Batches, scenario.Options);
        }

        var paths = _scenarios.Values.Select(s => s.Path).ToArray();
        var output = await NodeRunner.RunScriptAsync("duckdb-read-parquet.mjs", [], JsonSerializer.Serialize(paths));
        using var document = JsonDocument.Parse(output);
        foreach (var result in document.RootElement.EnumerateArray())
        {
            var path = result.GetProperty("path").GetString()!;
            var name = _scenarios.Single(s => s.Value.Path == path).Key;
            _results[name] = result.Clone();
        }
    }

    [OneTimeTearDown]
    public void DeleteFiles()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static Schema AllNullSchema { get; } = new(
    [
        new Field("id", DataType.Int64, Nullable: false),
        new Field("nothing_ts", DataType.Timestamp),
        new Field("nothing_double", DataType.Double),
        new Field("nothing_bool", DataType.Bool),
        new Field("nothing_text", DataType.String),
    ]);

    private static Schema WideStringSchema { get; } = new([new Field("key", DataType.String, Nullable: false)]);

    [TestCaseSource(nameof(s_codecs))]
    public void Codec_AllTypesWithNulls_DuckDbReadsIdenticalRows(CompressionCodec codec) =>
        AssertRowsMatch($"codec-{codec}");

    [TestCaseSource(nameof(s_codecs))]
    public void Codec_ColumnChunks_DuckDbReportsTheCodec(CompressionCodec codec)
    {
        var name = codec == CompressionCodec.Uncompressed ? "UNCOMPRESSED" : codec == CompressionCodec.Lz4Raw ? "LZ4_RAW" : codec.ToString().ToUpperInvariant();
        var codecs = Metadata($"codec-{codec}").Select(m => m.GetProperty("compression").GetString()).Distinct().ToArray();
        string[] expected = [name];
        Assert.That(codecs, Is.EqualTo(expected));
    }

    [Test]
    public void RowGroupRows_TwoThousand_DuckDbSeesThreeRowGroupsOfTheRightSizes()
    {
        var groups = Metadata("codec-Snappy")
            .Where(m => m.GetProperty("column_id").GetString() == "0")
            .Select(m => m.GetProperty("row_group_num_rows").GetString())
            .ToArray();
        string[] expected = ["2000", "2000", "1000"];
        Assert.That(groups, Is.EqualTo(expected));
    }

    [Test]
    public void DefaultOptions_AllTypesWithNulls_DuckDbReadsIdenticalRowsInOneRowGroup()
    {
        AssertRowsMatch("default-options");
        Assert.That(FileMetadata("default-options").GetProperty("num_row_groups").GetString(), Is.EqualTo("1"));
    }

    [Test]
    public void PageRowLimit_ManySmallPagesWithPageIndex_DuckDbReadsIdenticalRows()
    {
        AssertRowsMatch("page-row-limit");
        Assert.That(FileMetadata("page-row-limit").GetProperty("num_row_groups").GetString(), Is.EqualTo("3"));
    }

    [Test]
    public void PageRowLimit_PageOfOnlyNaNs_DuckDbReadsIdenticalRows() => AssertRowsMatch("nan-only-page");

    [Test]
    public void RowGroupRows_One_DuckDbReadsOneRowGroupPerRow()
    {
        AssertRowsMatch("row-group-per-row");
        Assert.That(FileMetadata("row-group-per-row").GetProperty("num_row_groups").GetString(), Is.EqualTo("5"));
    }

    [Test]
    public void Counts_AllTypesWithNulls_DuckDbCountsTheSameNonNullValues()
    {
        var counts = _results["codec-Snappy"].GetProperty("counts");
        var batches = _scenarios["codec-Snappy"].Batches;
        Assert.That(counts.GetProperty("rows").GetString(), Is.EqualTo(batches.Sum(b => b.RowCount).ToString()));
        foreach (var field in ParquetWriterTestData.AllTypesSchema.Fields)
        {
            var nonNull = batches.Sum(b => b[field.Name].Length - b[field.Name].NullCount);
            Assert.That(counts.GetProperty(field.Name).GetString(), Is.EqualTo(nonNull.ToString()), field.Name);
        }
    }

    [Test]
    public void Schema_AllTypes_DuckDbSeesPhysicalLogicalAndConvertedTypes()
    {
        var schema = _results["codec-Snappy"].GetProperty("schema").EnumerateArray()
            .Select(e => string.Join("|", e.GetProperty("name").GetString(), e.GetProperty("type").GetString(),
                e.GetProperty("repetition_type").GetString(), e.GetProperty("converted_type").GetString(), e.GetProperty("logical_type").GetString()))
            .ToArray();
        string[] expected =
        [
            "schema||||",
            "id|INT64|REQUIRED||",
            "ts|INT64|OPTIONAL|TIMESTAMP_MICROS|TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>, MICROS=MicroSeconds(), NANOS=<null>))",
            "price|DOUBLE|OPTIONAL||",
            "flag|BOOLEAN|OPTIONAL||",
            "symbol|BYTE_ARRAY|OPTIONAL|UTF8|StringType()",
        ];
        Assert.That(schema, Is.EqualTo(expected));
    }

    [Test]
    public void Columns_AllTypes_DuckDbMapsThemToEngineTypes()
    {
        var columns = _results["codec-Snappy"].GetProperty("columns").EnumerateArray()
            .Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("type").GetString()}").ToArray();
        string[] expected = ["id BIGINT", "ts TIMESTAMP WITH TIME ZONE", "price DOUBLE", "flag BOOLEAN", "symbol VARCHAR"];
        Assert.That(columns, Is.EqualTo(expected));
    }

    [Test]
    public void Statistics_EveryRowGroup_DuckDbSeesMinMaxAndNullCountOfTheSourceRows()
    {
        var batches = _scenarios["codec-Snappy"].Batches;
        var rows = ParquetWriterTestData.ExpectedRows(batches);
        var metadata = Metadata("codec-Snappy").ToArray();
        Assert.That(metadata, Has.Length.EqualTo(3 * 5));
        foreach (var chunk in metadata)
        {
            var group = int.Parse(chunk.GetProperty("row_group_id").GetString()!);
            var column = int.Parse(chunk.GetProperty("column_id").GetString()!);
            var slice = rows.Skip(group * 2000).Take(2000).Select(r => r[column]).ToList();
            var (min, max) = ExpectedStatistics(ParquetWriterTestData.AllTypesSchema[column].Type, slice);
            var where = $"row group {group}, column {column}";
            Assert.That(chunk.GetProperty("stats_null_count").GetString(), Is.EqualTo(slice.Count(v => v is null).ToString()), where);
            Assert.That(chunk.GetProperty("stats_min_value").GetString(), Is.EqualTo(min), where);
            Assert.That(chunk.GetProperty("stats_max_value").GetString(), Is.EqualTo(max), where);
        }
    }

    [Test]
    public void Statistics_DoubleWithNaN_NaNIsNeitherMinNorMax()
    {
        var chunk = Metadata("double-nan").Single();
        Assert.That((chunk.GetProperty("stats_min_value").GetString(), chunk.GetProperty("stats_max_value").GetString()), Is.EqualTo(("1.5", "2.5")));
    }

    [Test]
    public void Statistics_DoubleZeroMin_IsWrittenAsNegativeZero()
    {
        var chunk = Metadata("double-zero").Single();
        Assert.That((chunk.GetProperty("stats_min_value").GetString(), chunk.GetProperty("stats_max_value").GetString()), Is.EqualTo(("-0.0", "1.5")));
    }

    [Test]
    public void Encodings_StringColumn_IsDictionaryEncodedAndNumericsArePlain()
    {
        var encodings = Metadata("codec-Snappy").Where(m => m.GetProperty("row_group_id").GetString() == "0")
            .Select(m => m.GetProperty("encodings").GetString()).ToArray();
        string[] expected = ["PLAIN", "PLAIN, RLE", "PLAIN, RLE", "PLAIN, RLE", "PLAIN, RLE_DICTIONARY, RLE"];
        Assert.That(encodings, Is.EqualTo(expected));
    }

    [Test]
    public void Offsets_DictionaryPage_PrecedesTheFirstDataPage()
    {
        var symbol = Metadata("codec-Snappy").Where(m => m.GetProperty("column_id").GetString() == "4").ToArray();
        Assert.That(symbol.Select(m => long.Parse(m.GetProperty("dictionary_page_offset").GetString()!) < long.Parse(m.GetProperty("data_page_offset").GetString()!)),
            Is.All.True);
    }

    [Test]
    public void FileMetadata_Written_DuckDbSeesCreatedByVersionAndRowCount()
    {
        var file = FileMetadata("codec-Snappy");
        Assert.That(file.GetProperty("created_by").GetString(), Is.EqualTo("Engine"));
        Assert.That(file.GetProperty("format_version").GetString(), Is.EqualTo("2"));
        Assert.That(file.GetProperty("num_rows").GetString(), Is.EqualTo("5000"));
    }

    [Test]
    public void KeyValueMetadata_Given_DuckDbReadsThePairs()
    {
        var pairs = _results["key-values"].GetProperty("keyValues").EnumerateArray()
            .Select(e => $"{e.GetProperty("key").GetString()}={e.GetProperty("value").GetString()}").ToArray();
        string[] expected = ["engine.table=trades", "engine.note=ünï"];
        Assert.That(pairs, Is.EqualTo(expected));
    }

    [Test]
    public void EmptyBatchList_Written_DuckDbReadsZeroRowsWithTheSchema()
    {
        var result = _results["empty"];
        Assert.That(result.GetProperty("rows").GetArrayLength(), Is.Zero);
        Assert.That(result.GetProperty("columns").GetArrayLength(), Is.EqualTo(5));
        Assert.That(FileMetadata("empty").GetProperty("num_row_groups").GetString(), Is.EqualTo("0"));
    }

    [Test]
    public void SingleRow_Written_DuckDbReadsTheRow() => AssertRowsMatch("single-row");

    [Test]
    public void AllNullColumns_Written_DuckDbReadsNullsAndNoMinMax()
    {
        AssertRowsMatch("all-null");
        foreach (var chunk in Metadata("all-null").Where(m => m.GetProperty("column_id").GetString() != "0"))
        {
            Assert.That(chunk.GetProperty("stats_null_count").GetString(), Is.EqualTo("300"));
            Assert.That(chunk.GetProperty("stats_min_value").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(chunk.GetProperty("stats_max_value").ValueKind, Is.EqualTo(JsonValueKind.Null));
        }
    }

    [Test]
    public void DictionaryLimit_Exceeded_ChunksFallBackToPlainAndDuckDbReadsIdenticalRows()
    {
        AssertRowsMatch("dictionary-fallback");
        var encodings = Metadata("dictionary-fallback").Select(m => m.GetProperty("encodings").GetString()).ToArray();
        string[] expected = ["PLAIN", "PLAIN"];
        Assert.That(encodings, Is.EqualTo(expected));
        Assert.That(Metadata("dictionary-fallback").Select(m => m.GetProperty("dictionary_page_offset").ValueKind), Is.All.EqualTo(JsonValueKind.Null));
    }

    private static Schema DoubleSchema { get; } = new([new Field("x", DataType.Double)]);

    private static ColumnBatch Doubles(params double[] values) => new(DoubleSchema, [new DoubleColumn(values)], values.Length);

    private static ColumnBatch AllNullBatch(int rows)
    {
        var ids = Enumerable.Range(0, rows).Select(i => (long)i).ToArray();
        var none = ValidityBitmap.Create(rows, allValid: false);
        return new ColumnBatch(AllNullSchema,
        [
            new Int64Column(ids),
            new Int64Column(new long[rows], none, DataType.Timestamp),
            new DoubleColumn(new double[rows], none),
            new BoolColumn(new byte[ValidityBitmap.ByteCount(rows)], rows, none),
            new StringColumn(new int[rows], ["unused"], none),
        ], rows);
    }

    private static ColumnBatch WideStringBatch(int rows, int first)
    {
        var values = Enumerable.Range(first, rows).Select(i => (string?)$"key-{i:D6}-{new string((char)('a' + (i % 26)), i % 17)}").ToArray();
        return new ColumnBatch(WideStringSchema, [StringColumn.FromValues(values)], rows);
    }

    private static (string? Min, string? Max) ExpectedStatistics(DataType type, List<string?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!).ToList();
        switch (type.Id)
        {
            case TypeId.Int64:
                var longs = present.Select(long.Parse).ToList();
                return (longs.Min().ToString(), longs.Max().ToString());
            case TypeId.Timestamp:
                var micros = present.Select(v => TimestampMicros.Parse(v)).ToList();
                return (DuckDbTimestamp(micros.Min()), DuckDbTimestamp(micros.Max()));
            case TypeId.Double:
                var doubles = present.Where(v => v != "NaN").Select(v => BitConverter.Int64BitsToDouble(long.Parse(v))).ToList();
                return (DuckDbDouble(doubles.Min()), DuckDbDouble(doubles.Max()));
            case TypeId.Bool:
                return (present.Contains("b:false") ? "false" : "true", present.Contains("b:true") ? "true" : "false");
            default:
                var strings = present.Select(v => v[2..]).ToList();
                strings.Sort(Utf8Order);
                return (strings[0], strings[^1]);
        }
    }

    private static int Utf8Order(string left, string right) =>
        System.Text.Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(right));

    private static string DuckDbTimestamp(long micros) =>
        TimestampMicros.ToDateTime(micros).ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.') + "+00";

    // parquet_metadata() shows an infinite bound as NULL (the file holds it; DuckDB declines to report it).
    private static string? DuckDbDouble(double value) => double.IsInfinity(value)
        ? null
        : value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private void Add(string name, Schema schema, IReadOnlyList<ColumnBatch> batches, ParquetWriterOptions options) =>
        _scenarios[name] = new Scenario(Path.Combine(_directory, name + ".parquet"), schema, batches, options);

    private JsonElement[] Metadata(string name) => [.. _results[name].GetProperty("metadata").EnumerateArray()];

    private JsonElement FileMetadata(string name) => _results[name].GetProperty("file");

    private void AssertRowsMatch(string name)
    {
        var scenario = _scenarios[name];
        var result = _results[name];
        var types = result.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("type").GetString()).ToArray();
        var actual = result.GetProperty("rows").EnumerateArray()
            .Select(row => row.EnumerateArray().Select((value, i) => value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.True or JsonValueKind.False => "b:" + (value.GetBoolean() ? "true" : "false"),
                _ when types[i] == "VARCHAR" => "s:" + value.GetString(),
                _ => value.GetString(),
            }).ToArray())
            .ToList();
        var expected = ParquetWriterTestData.ExpectedRows(scenario.Batches);
        Assert.That(actual, Has.Count.EqualTo(expected.Count), name);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.That(actual[i], Is.EqualTo(expected[i]), $"{name} row {i}");
        }
    }

    private sealed record Scenario(string Path, Schema Schema, IReadOnlyList<ColumnBatch> Batches, ParquetWriterOptions Options);
}
