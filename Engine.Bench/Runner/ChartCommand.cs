using System.Text;
using System.Text.Json;

namespace Engine.Bench.Runner;

/// <summary>
/// The <c>chart</c> mode: reads run results (the <c>run --json</c> object; the DuckDB script prints the same
/// shape) and writes an SVG of horizontal bars, Engine against DuckDB, per query and thread count, on a
/// logarithmic time axis so millisecond and second queries fit one picture.
/// <c>chart --engine e1.json,e2.json --duckdb d1.json,d2.json --out docs/benchmarks.svg [--title TEXT]</c>.
/// </summary>
public static class ChartCommand
{
    private const int LabelWidth = 150;
    private const int PlotWidth = 560;
    private const int BarHeight = 14;
    private static readonly string[] s_valued = ["--engine", "--duckdb", "--out", "--title"];

    /// <summary>Runs the mode with the arguments after <c>chart</c>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, s_valued, []);
        var engine = Load(line.Get("--engine", string.Empty));
        var duckdb = Load(line.Get("--duckdb", string.Empty));
        var title = line.Get("--title", "Engine vs DuckDB, median ms (log scale)");
        var svg = Render(title, engine, duckdb);
        await File.WriteAllTextAsync(line.Get("--out", "benchmarks.svg"), svg).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The SVG text for the given runs (query → median ms, per thread count).</summary>
    public static string Render(string title, IReadOnlyDictionary<int, Dictionary<string, double>> engine, IReadOnlyDictionary<int, Dictionary<string, double>> duckdb)
    {
        var rows = new List<(string Label, double Engine, double DuckDb)>();
        foreach (var (threads, queries) in engine.OrderBy(e => e.Key))
        {
            foreach (var (id, ms) in queries.OrderBy(q => q.Key, StringComparer.Ordinal))
            {
                var other = duckdb.TryGetValue(threads, out var d) && d.TryGetValue(id, out var v) ? v : double.NaN;
                rows.Add(($"{id}, {threads} thread{(threads == 1 ? string.Empty : "s")}", ms, other));
            }
        }

        var all = rows.SelectMany(r => new[] { r.Engine, r.DuckDb }).Where(v => v > 0 && !double.IsNaN(v)).ToArray();
        var low = Math.Floor(Math.Log10(all.Length == 0 ? 1 : all.Min()));
        var high = Math.Ceiling(Math.Log10(all.Length == 0 ? 10 : all.Max()));
        if (high <= low)
        {
            high = low + 1;
        }

        var rowHeight = (2 * BarHeight) + 10;
        var top = 50;
        var height = top + (rows.Count * rowHeight) + 40;
        var width = LabelWidth + PlotWidth + 90;
        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"11\">");
        Append(svg, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        Append(svg, $"<text x=\"10\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>");
        Append(svg, $"<rect x=\"{LabelWidth}\" y=\"26\" width=\"10\" height=\"10\" fill=\"#2b6cb0\"/><text x=\"{LabelWidth + 14}\" y=\"35\">Engine</text>");
        Append(svg, $"<rect x=\"{LabelWidth + 70}\" y=\"26\" width=\"10\" height=\"10\" fill=\"#dd6b20\"/><text x=\"{LabelWidth + 84}\" y=\"35\">DuckDB</text>");
        for (var decade = low; decade <= high; decade++)
        {
            var x = LabelWidth + ((decade - low) / (high - low) * PlotWidth);
            Append(svg, $"<line x1=\"{x:F1}\" y1=\"{top - 4}\" x2=\"{x:F1}\" y2=\"{height - 30}\" stroke=\"#ddd\"/>");
            Append(svg, $"<text x=\"{x:F1}\" y=\"{height - 16}\" text-anchor=\"middle\">{Math.Pow(10, decade)} ms</text>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, engineMs, duckMs) = rows[i];
            var y = top + (i * rowHeight);
            Append(svg, $"<text x=\"{LabelWidth - 6}\" y=\"{y + BarHeight + 4}\" text-anchor=\"end\">{Escape(label)}</text>");
            Bar(svg, y, engineMs, low, high, "#2b6cb0");
            Bar(svg, y + BarHeight + 1, duckMs, low, high, "#dd6b20");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Bar(StringBuilder svg, int y, double ms, double low, double high, string color)
    {
        if (double.IsNaN(ms) || ms <= 0)
        {
            Append(svg, $"<text x=\"{LabelWidth + 4}\" y=\"{y + BarHeight - 3}\" fill=\"#888\">not measured</text>");
            return;
        }

        var length = Math.Max(1, (Math.Log10(ms) - low) / (high - low) * PlotWidth);
        Append(svg, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length:F1}\" height=\"{BarHeight}\" fill=\"{color}\"/>");
        Append(svg, $"<text x=\"{LabelWidth + length + 4:F1}\" y=\"{y + BarHeight - 3}\">{Math.Round(ms, ms < 10 ? 3 : 1)}</text>");
    }

    private static Dictionary<int, Dictionary<string, double>> Load(string files)
    {
        var runs = new Dictionary<int, Dictionary<string, double>>();
        foreach (var file in files.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var threads = root.GetProperty("threads").GetInt32();
            var queries = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var query in root.GetProperty("queries").EnumerateObject())
            {
                queries[query.Name] = query.Value.GetProperty("median_ms").GetDouble();
            }

            runs[threads] = queries;
        }

        return runs;
    }

    private static void Append(StringBuilder svg, FormattableString text) => svg.Append(FormattableString.Invariant(text)).Append('\n');

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
