using System.Globalization;
using System.Text;
using System.Text.Json;
using Engine.Core.Columns;
using Engine.Core.Execution;

namespace Engine.Cli;

/// <summary>Writes a <see cref="QueryResult"/> as a table, CSV or JSON. Timestamps are ISO-8601 UTC.</summary>
public static class ResultFormatter
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public static void Write(QueryResult result, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                WriteCsv(result, output);
                break;
            case OutputFormat.Json:
                WriteJson(result, output);
                break;
            default:
                WriteTable(result, output);
                break;
        }
    }

    private static void WriteTable(QueryResult result, TextWriter output)
    {
        var names = result.Schema.Fields.Select(f => f.Name).ToArray();
        var rows = result.Rows().Select(r => r.Select(v => v.ToString()).ToArray()).ToList();
        var widths = names.Select(n => n.Length).ToArray();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        var rightAligned = result.Schema.Fields.Select(f => f.Type.Id is TypeId.Int64 or TypeId.Double).ToArray();
        var separator = "+" + string.Join("+", widths.Select(w => new string('-', w + 2))) + "+";
        output.WriteLine(separator);
        output.WriteLine(Line(names, widths, new bool[names.Length]));
        output.WriteLine(separator);
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths, rightAligned));
        }

        output.WriteLine(separator);
    }

    private static string Line(string[] cells, int[] widths, bool[] rightAligned)
    {
        var builder = new StringBuilder("|");
        for (var c = 0; c < cells.Length; c++)
        {
            builder.Append(' ').Append(rightAligned[c] ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c])).Append(" |");
        }

        return builder.ToString();
    }

    private static void WriteCsv(QueryResult result, TextWriter output)
    {
        output.WriteLine(string.Join(",", result.Schema.Fields.Select(f => CsvCell(f.Name))));
        foreach (var row in result.Rows())
        {
            output.WriteLine(string.Join(",", row.Select(v => v.IsNull ? string.Empty : CsvCell(v.ToString()))));
        }
    }

    private static string CsvCell(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static void WriteJson(QueryResult result, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows())
            {
                json.WriteStartObject();
                for (var c = 0; c < row.Length; c++)
                {
                    json.WritePropertyName(result.Schema[c].Name);
                    WriteJsonValue(json, row[c]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteJsonValue(Utf8JsonWriter json, ScalarValue value)
    {
        if (value.IsNull)
        {
            json.WriteNullValue();
            return;
        }

        switch (value.Type.Id)
        {
            case TypeId.Int64:
                json.WriteNumberValue(value.Int64Value);
                break;
            case TypeId.Double when double.IsFinite(value.DoubleValue):
                json.WriteRawValue(value.DoubleValue.ToString("R", CultureInfo.InvariantCulture));
                break;
            case TypeId.Double:
                // JSON has no NaN or infinities; print them as the strings DuckDB uses.
                json.WriteStringValue(value.ToString());
                break;
            case TypeId.Bool:
                json.WriteBooleanValue(value.BoolValue);
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }
}
