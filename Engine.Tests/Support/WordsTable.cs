using Engine.Core.Catalog;
using Engine.Core.Columns;

namespace Engine.Tests.Support;

/// <summary>
/// A small table of awkward strings for text-function tests and their DuckDB differential: NULL, empty,
/// padded, accented, a combining accent, surrogate pairs (emoji, Deseret), LIKE metacharacters and a
/// backslash; <c>pattern</c> holds a LIKE pattern per row and <c>n</c> a number, so calls whose other
/// arguments vary by row are covered too.
/// </summary>
public static class WordsTable
{
    /// <summary>The table name.</summary>
    public const string Name = "words";

    /// <summary>The <c>s</c> values, in id order (null for NULL).</summary>
    public static IReadOnlyList<string?> Values { get; } =
    [
        "Hello", null, string.Empty, "  padded  ", "a😀b", "ÄÖü straße", "e\u0301x", "100% _sure_", "back\\slash", "𐐨𐐀", "Hello", "a,b,,c", "\u00A0nbsp\u3000", "ΣΑΣ",
    ];

    /// <summary>The <c>pattern</c> values, in id order.</summary>
    public static IReadOnlyList<string?> Patterns { get; } =
    [
        "H%", "%", "", "%pad%", "a_b", "ä%", "e_x", "100!%%", "%\\%", "__", null, "a,%", "%nbsp%", "σ%",
    ];

    /// <summary>The table as one batch.</summary>
    public static ColumnBatch Create()
    {
        var count = Values.Count;
        var schema = new Schema([new Field("id", DataType.Int64), new Field("s", DataType.String), new Field("pattern", DataType.String), new Field("n", DataType.Int64)]);
        var ids = new long[count];
        var numbers = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = i;
            numbers[i] = (i % 7) - 3;
        }

        return new ColumnBatch(schema, [new Int64Column(ids), StringColumn.FromValues(Values), StringColumn.FromValues(Patterns), new Int64Column(numbers)], count);
    }

    /// <summary>Registers the table as <see cref="Name"/>.</summary>
    public static void Register(InMemoryCatalog catalog) => catalog.Register(Name, [Create()]);
}
