using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Engine.Bench.Queries;
using Engine.Core.Catalog;
using Engine.Core.Columns;

namespace Engine.Tests.Support;

/// <summary>
/// Runs SQL on DuckDB over the same data an <see cref="InMemoryCatalog"/> holds: exports the tables to CSV
/// files in a temporary folder (deleted afterwards), then loads them and runs every query in ONE node
/// process (<c>node/duckdb-oracle.mjs</c>), so a fixture pays DuckDB's start-up and load once.
/// </summary>
public static class DuckDbOracle
{
    /// <summary>The oracle script in <see cref="TestPaths.NodeTools"/>.</summary>
    public const string Script = "duckdb-oracle.mjs";

    private static readonly string[] s_timestampFormats = ["yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", "yyyy-MM-dd"];

    /// <summary>
    /// Runs <paramref name="queries"/> (DuckDB dialect) over <paramref name="tables"/> of
    /// <paramref name="catalog"/> (every table when null) and returns one result per query, in order. A query
    /// DuckDB rejects yields a result with <see cref="DuckDbQueryResult.Error"/>; a failure to load the data or
    /// run node throws. <paramref name="statements"/> run after loading and before the queries (e.g. COPY to Parquet).
    /// </summary>
    public static async Task<IReadOnlyList<DuckDbQueryResult>> QueryAsync(
        InMemoryCatalog catalog,
        IReadOnlyList<string> queries,
        IReadOnlyList<string>? tables = null,
        IReadOnlyList<string>? statements = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(queries);
        var folder = Path.Combine(Path.GetTempPath(), "engine-duckdb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var requestTables = new List<object>();
            foreach (var name in tables ?? catalog.TableNames)
            {
                var csv = Path.Combine(folder, name + ".csv");
                var table = await CsvTableExporter.ExportAsync(catalog, name, csv, cancellationToken);
                requestTables.Add(new
                {
                    name = table.Name,
                    csv,
                    columns = table.Schema.Fields.Select(f => new { name = f.Name, type = f.Type.SqlName() }).ToList(),
                });
            }

            var request = JsonSerializer.Serialize(new { tables = requestTables, statements = statements ?? [], queries });
            var output = await NodeRunner.RunScriptAsync(Script, [], request);
            return ParseResponse(queries, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the DuckDB dialect of each of <paramref name="queries"/>; see <see cref="QueryAsync(InMemoryCatalog, IReadOnlyList{string}, IReadOnlyList{string}?, IReadOnlyList{string}?, CancellationToken)"/>.</summary>
    public static Task<IReadOnlyList<DuckDbQueryResult>> QueryAsync(
        InMemoryCatalog catalog,
        IReadOnlyList<DifferentialQuery> queries,
        IReadOnlyList<string>? tables = null,
        CancellationToken cancellationToken = default) =>
        QueryAsync(catalog, queries.Select(q => q.DuckDbSql).ToList(), tables, null, cancellationToken);

    /// <summary>Parses the script's output: one entry per query, in order.</summary>
    internal static IReadOnlyList<DuckDbQueryResult> ParseResponse(IReadOnlyList<string> queries, string output)
    {
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != queries.Count)
        {
            throw new InvalidDataException($"The DuckDB oracle answered {root.ValueKind} with {(root.ValueKind == JsonValueKind.Array ? root.GetArrayLength() : 0)} entries for {queries.Count} queries.");
        }

        var results = new List<DuckDbQueryResult>(queries.Count);
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            results.Add(ParseResult(queries[index++], entry));
        }

        return results;
    }

    /// <summary>Parses one query's entry: <c>{ columns, types, rows }</c> or <c>{ error }</c>.</summary>
    internal static DuckDbQueryResult ParseResult(string sql, JsonElement entry)
    {
        if (entry.TryGetProperty("error", out var error))
        {
            return new DuckDbQueryResult(sql, [], [], [], error.GetString() ?? "unknown DuckDB error");
        }

        var columns = entry.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        var types = entry.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToList();
        var rows = new List<ScalarValue[]>();
        foreach (var row in entry.GetProperty("rows").EnumerateArray())
        {
            var values = new ScalarValue[types.Count];
            var c = 0;
            foreach (var value in row.EnumerateArray())
            {
                values[c] = ToScalar(value, types[c]);
                c++;
            }

            rows.Add(values);
        }

        return new DuckDbQueryResult(sql, columns, types, rows, null);
    }

    /// <summary>Converts one JSON value of DuckDB type <paramref name="type"/> to an Engine scalar.</summary>
    internal static ScalarValue ToScalar(JsonElement value, string type)
    {
        var engineType = EngineTypeOf(type);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return ScalarValue.Null(engineType);
        }

        switch (engineType.Id)
        {
            case TypeId.Int64:
            {
                var integer = BigInteger.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), CultureInfo.InvariantCulture);
                // A HUGEINT beyond BIGINT cannot be an Engine BIGINT; as a DOUBLE the comparer reports the type difference.
                return integer >= long.MinValue && integer <= long.MaxValue ? ScalarValue.FromInt64((long)integer) : ScalarValue.FromDouble((double)integer);
            }

            case TypeId.Double:
                return ScalarValue.FromDouble(value.ValueKind == JsonValueKind.Number
                    ? value.GetDouble()
                    : value.GetString() switch
                    {
                        "NaN" => double.NaN,
                        "Infinity" => double.PositiveInfinity,
                        "-Infinity" => double.NegativeInfinity,
                        var text => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
                    });
            case TypeId.Timestamp:
                return ParseTimestamp(value.GetString()!) is { } micros ? ScalarValue.FromTimestamp(micros) : ScalarValue.FromString(value.GetString()!);
            case TypeId.Bool:
                return ScalarValue.FromBool(value.GetBoolean());
            case TypeId.Interval:
                return ParseInterval(value.GetString()!) is { } length ? ScalarValue.FromInterval(length) : ScalarValue.FromString(value.GetString()!);
            default:
                return ScalarValue.FromString(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText());
        }
    }

    /// <summary>
    /// Microseconds of the script's timestamp text (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, or a DATE's
    /// <c>yyyy-MM-dd</c>) in exact integer arithmetic over the whole DateTime range; null for other text
    /// (DuckDB's <c>infinity</c>).
    /// </summary>
    internal static long? ParseTimestamp(string text)
    {
        if (!DateTime.TryParseExact(text, s_timestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            return null;
        }

        return (time.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
    }

    /// <summary>
    /// Microseconds of DuckDB's interval text (<c>10959 days 23:59:59.999999</c>, <c>-25508 days -12:00:00</c>,
    /// <c>-00:00:00.5</c>) when it has no months or years, a day counting 24 hours as in Engine; null otherwise.
    /// </summary>
    internal static long? ParseInterval(string text)
    {
        long micros = 0;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i + 1 < parts.Length && parts[i + 1] is "day" or "days")
            {
                micros += long.Parse(parts[i], CultureInfo.InvariantCulture) * TimestampMicros.PerDay;
                i++;
                continue;
            }

            var negative = parts[i].StartsWith('-');
            var clock = parts[i].TrimStart('-').Split(':');
            if (clock.Length != 3)
            {
                return null;
            }

            var seconds = decimal.Parse(clock[2], CultureInfo.InvariantCulture);
            var length = (long.Parse(clock[0], CultureInfo.InvariantCulture) * TimestampMicros.PerHour)
                + (long.Parse(clock[1], CultureInfo.InvariantCulture) * TimestampMicros.PerMinute)
                + (long)(seconds * TimestampMicros.PerSecond);
            micros += negative ? -length : length;
        }

        return micros;
    }

    /// <summary>The Engine type a DuckDB type compares as (VARCHAR for types Engine does not have).</summary>
    internal static DataType EngineTypeOf(string duckDbType) => duckDbType switch
    {
        "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "UHUGEINT" => DataType.Int64,
        "DOUBLE" or "FLOAT" => DataType.Double,
        "BOOLEAN" => DataType.Bool,
        "DATE" => DataType.Timestamp,
        "INTERVAL" => DataType.Interval,
        _ when duckDbType.StartsWith("DECIMAL", StringComparison.Ordinal) => DataType.Double,
        _ when duckDbType.StartsWith("TIMESTAMP", StringComparison.Ordinal) => DataType.Timestamp,
        _ => DataType.String,
    };
}
