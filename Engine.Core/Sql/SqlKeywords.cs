namespace Engine.Core.Sql;

/// <summary>
/// The reserved words of the SQL subset: they cannot be used as bare column names, table names or aliases
/// (double-quote them instead). Other keywords (EXPLAIN, ANALYZE, NULLS, FIRST, LAST, TIMESTAMP, INTERVAL)
/// are recognised only where they can appear, so columns may be called <c>timestamp</c> or <c>first</c>.
/// </summary>
internal static class SqlKeywords
{
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "AS", "AND", "OR", "NOT",
        "IN", "BETWEEN", "IS", "NULL", "TRUE", "FALSE", "DISTINCT", "ASC", "DESC",
        "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "UNION", "INTERSECT", "EXCEPT", "ALL", "WITH", "OFFSET",
        "ON", "USING", "QUALIFY", "WINDOW", "LATERAL", "JOIN", "LIKE", "ILIKE", "ESCAPE", "EXISTS",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_reservedLookup =
        s_reserved.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> is reserved, in any letter case.</summary>
    public static bool IsReserved(ReadOnlySpan<char> word) => s_reservedLookup.Contains(word);

    /// <summary>True for a character that may start an unquoted identifier.</summary>
    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    /// <summary>True for a character that may continue an unquoted identifier.</summary>
    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>True when <paramref name="name"/> can be written without double quotes and read back unchanged.</summary>
    public static bool IsBareIdentifier(string name)
    {
        if (name.Length == 0 || !IsIdentifierStart(name[0]))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!IsIdentifierPart(name[i]))
            {
                return false;
            }
        }

        return !IsReserved(name);
    }
}
