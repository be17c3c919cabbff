using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Tests.Support;

namespace Engine.Tests.Functions.Text;

/// <summary>
/// Runs text-function SQL for the unit tests: constant expressions (SELECT without FROM) and expressions over
/// <see cref="WordsTable"/>, a small table whose VARCHAR column holds NULL, empty, accented, combining and
/// surrogate-pair values.
/// </summary>
internal static class TextTestQueries
{
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(() =>
    {
        var catalog = new InMemoryCatalog();
        WordsTable.Register(catalog);
        return catalog;
    });

    /// <summary>The one value of <c>SELECT <paramref name="expression"/></c>.</summary>
    public static async Task<ScalarValue> ValueAsync(string expression)
    {
        var result = await TestEngines.Local(s_catalog.Value).QueryAsync($"SELECT {expression}");
        return result.Rows().Single()[0];
    }

    /// <summary>The text of <c>SELECT <paramref name="expression"/></c> ("NULL" for NULL).</summary>
    public static async Task<string> TextAsync(string expression) => (await ValueAsync(expression)).ToString();

    /// <summary>The values of <paramref name="expression"/> over the words table, in id order, as text.</summary>
    public static async Task<string[]> OverWordsAsync(string expression, string where = "true")
    {
        var result = await TestEngines.Local(s_catalog.Value).QueryAsync($"SELECT {expression} FROM {WordsTable.Name} WHERE {where} ORDER BY id");
        return [.. result.Rows().Select(r => r[0].ToString())];
    }

    /// <summary>Runs <paramref name="sql"/> over the words table and returns the first column as text.</summary>
    public static async Task<string[]> QueryAsync(string sql)
    {
        var result = await TestEngines.Local(s_catalog.Value).QueryAsync(sql);
        return [.. result.Rows().Select(r => r[0].ToString())];
    }
}
