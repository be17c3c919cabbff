using System.Globalization;
using System.Text;
using Engine.Core.Catalog;
using Engine.Core.Columns;

namespace Engine.Tests.Support;

/// <summary>
/// Writes a table registered in an <see cref="InMemoryCatalog"/> to a CSV file that DuckDB reads back
/// losslessly (see <c>node/duckdb-oracle.mjs</c>): a header row, then every row of every partition read
/// through the catalog's <see cref="IPartitionReader"/>. Timestamps are <c>yyyy-MM-dd HH:mm:ss.ffffff</c> UTC,
/// doubles use round-trip formatting (<c>nan</c>, <c>inf</c>, <c>-inf</c> for the special values), NULL is an
/// empty unquoted field and strings are quoted when they need it (an empty string is <c>""</c>).
/// </summary>
public static class CsvTableExporter
{
    /// <summary>Exports table <paramref name="table"/> to <paramref name="path"/> (overwritten) and returns the table exported.</summary>
    public static async Task<TableInfo> ExportAsync(InMemoryCatalog catalog, string table, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!catalog.TryGetTable(table, out var info))
        {
            throw new ArgumentException($"The catalog has no table '{table}'.", nameof(table));
        }

        var columns = info.Schema.Fields.Select(f => f.Name).ToList();
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.NewLine = "\n";
        await writer.WriteLineAsync(string.Join(',', columns.Select(QuoteAlways)));
        foreach (var partition in info.Partitions)
        {
            var scan = new PartitionScan(info.Name, partition.Id, columns, 0, partition.RowCount);
            await foreach (var batch in catalog.ReadAsync(scan, cancellationToken))
            {
                var line = new StringBuilder();
                for (var row = 0; row < batch.RowCount; row++)
                {
                    line.Clear();
                    for (var c = 0; c < batch.Columns.Count; c++)
                    {
                        if (c > 0)
                        {
                            line.Append(',');
                        }

                        AppendValue(line, batch.Columns[c], row);
                    }

                    await writer.WriteLineAsync(line, cancellationToken);
                }
            }
        }

        return info;
    }

    /// <summary>A timestamp as DuckDB's CSV reader parses it: <c>yyyy-MM-dd HH:mm:ss.ffffff</c>, UTC.</summary>
    public static string FormatTimestamp(long micros) =>
        TimestampMicros.ToDateTime(micros).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>A double as text that parses back to the same value: round-trip digits, or nan / inf / -inf.</summary>
    public static string FormatDouble(double value) =>
        double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static void AppendValue(StringBuilder line, Column column, int row)
    {
        if (column.IsNull(row))
        {
            return;
        }

        switch (column)
        {
            case Int64Column ints when ints.Type == DataType.Timestamp:
                line.Append(FormatTimestamp(ints.Values[row]));
                break;
            case Int64Column ints:
                line.Append(ints.Values[row].ToString(CultureInfo.InvariantCulture));
                break;
            case DoubleColumn doubles:
                line.Append(FormatDouble(doubles.Values[row]));
                break;
            case BoolColumn bools:
                line.Append(bools.GetValue(row) ? "true" : "false");
                break;
            case StringColumn strings:
                AppendString(line, strings.GetValue(row));
                break;
            default:
                throw new NotSupportedException($"CSV export of {column.Type.SqlName()} columns is not supported.");
        }
    }

    private static void AppendString(StringBuilder line, string value)
    {
        if (value.Length > 0 && value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append(QuoteAlways(value));
    }

    private static string QuoteAlways(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
