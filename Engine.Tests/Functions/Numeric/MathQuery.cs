using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Tests.Support;

namespace Engine.Tests.Functions.Numeric;

/// <summary>
/// Runs one math expression and renders its column as <c>TYPE: v1|v2|…</c>, over the edge table (its 7 rows in
/// order: <c>d</c> = 0.1, NaN, NULL, +Infinity, −Infinity, DOUBLE's max, −4.9e-324 and <c>i</c> = 2⁶³ − 1,
/// −2⁶³, 0, NULL, -1, 42, 1) or over no table (a constant, folded when the query is bound).
/// </summary>
internal static class MathQuery
{
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(() =>
    {
        var catalog = new InMemoryCatalog();
        EdgeCaseTable.Register(catalog);
        return catalog;
    });

    public static QueryExecutor Engine => TestEngines.Local(s_catalog.Value);

    /// <summary><c>SELECT expression FROM edge</c>.</summary>
    public static async Task<string> OverEdgeAsync(string expression) => Render(await Engine.QueryAsync($"SELECT {expression} FROM edge"));

    /// <summary>The first column of <paramref name="sql"/> over the edge table.</summary>
    public static async Task<string> QueryAsync(string sql) => Render(await Engine.QueryAsync(sql));

    /// <summary><c>SELECT expression</c>.</summary>
    public static async Task<string> ValueAsync(string expression) => Render(await Engine.QueryAsync($"SELECT {expression}"));

    /// <summary>The one row of <c>SELECT list</c> as <c>TYPE v, TYPE v, …</c>.</summary>
    public static async Task<string> RowAsync(string list)
    {
        var result = await Engine.QueryAsync($"SELECT {list}");
        var row = result.Rows().Single();
        return string.Join(", ", row.Select((v, c) => $"{result.Schema[c].Type.SqlName()} {v}"));
    }

    private static string Render(QueryResult result) =>
        $"{result.Schema[0].Type.SqlName()}: {string.Join("|", result.Rows().Select(r => r[0].ToString()))}";
}
