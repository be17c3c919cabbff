using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>VARCHAR values, ordered by UTF-16 code units (ordinal), which is DuckDB's byte order for text without surrogate pairs.</summary>
internal readonly struct StringKind : IValueKind<string>
{
    public static string Read(Column column, int row) => ((StringColumn)column).GetValue(row);

    public static int Compare(string left, string right) => string.CompareOrdinal(left, right);

    public static Column Build(string[] values, byte[]? validity, DataType type)
    {
        var strings = new string?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            strings[i] = validity is not null && !ValidityBitmap.Get(validity, i) ? null : values[i];
        }

        return StringColumn.FromValues(strings);
    }

    public static double ToDouble(string value) => throw new InvalidOperationException("VARCHAR values are not interpolated.");

    public static void AppendRange(List<string> list, Column column, int start, int length)
    {
        var strings = (StringColumn)column;
        var dictionary = strings.Dictionary;
        foreach (var code in strings.Codes.Slice(start, length))
        {
            list.Add(dictionary[code]);
        }
    }

    public static void Sort(Span<string> values) => values.Sort(StringComparer.Ordinal);
}
