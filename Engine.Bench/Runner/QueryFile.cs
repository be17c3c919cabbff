namespace Engine.Bench.Runner;

/// <summary>
/// Reads a file of named queries: each block starts with a line <c>-- name: ID</c> and runs to the next
/// such line; text before the first header is ignored. Blank blocks and repeated ids are errors.
/// </summary>
public static class QueryFile
{
    private const string Header = "-- name:";

    /// <summary>The queries of <paramref name="text"/> in file order (Engine dialect only).</summary>
    public static IReadOnlyList<BenchQuery> Parse(string text)
    {
        var queries = new List<BenchQuery>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? id = null;
        var body = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith(Header, StringComparison.OrdinalIgnoreCase))
            {
                Flush();
                id = trimmed[Header.Length..].Trim();
                if (id.Length == 0 || !seen.Add(id))
                {
                    throw new FormatException($"Query file: '{trimmed}' needs a name that is not empty and not repeated.");
                }

                continue;
            }

            if (id is not null)
            {
                body.Add(line.TrimEnd('\r'));
            }
        }

        Flush();
        if (queries.Count == 0)
        {
            throw new FormatException("Query file: no '-- name: ID' block found.");
        }

        return queries;

        void Flush()
        {
            if (id is null)
            {
                return;
            }

            var sql = string.Join('\n', body).Trim().TrimEnd(';').Trim();
            if (sql.Length == 0)
            {
                throw new FormatException($"Query file: block '{id}' has no SQL.");
            }

            queries.Add(new BenchQuery(id, sql, null));
            body.Clear();
        }
    }
}
