using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Storage;
using Engine.Storage.Parquet;

namespace Engine.Tests.Storage.S3;

/// <summary>
/// Everything <see cref="ParquetFileReader"/> makes of one file, for comparing two stores: the error of
/// opening it, or per column either every value of every row group or the error of reading that column.
/// </summary>
internal static class ParquetSnapshot
{
    /// <summary>Reads <paramref name="key"/> from <paramref name="store"/> column by column; errors are recorded as "Type: message".</summary>
    public static async Task<Dictionary<string, object>> ReadAsync(IObjectStore store, string key, CancellationToken cancellationToken = default)
    {
        var snapshot = new Dictionary<string, object>(StringComparer.Ordinal);
        ParquetFileReader reader;
        try
        {
            reader = await ParquetFileReader.OpenAsync(store, key, cancellationToken: cancellationToken);
        }
        catch (EngineException exception)
        {
            snapshot["(open)"] = Describe(exception);
            return snapshot;
        }

        snapshot["(rows)"] = reader.RowCount;
        var names = reader.Schema.Fields.Select(f => f.Name).ToList();
        try
        {
            // All columns at once, as a query reads them (nearby chunks coalesced into one request).
            var all = names.Select(_ => new List<ScalarValue>()).ToList();
            for (var g = 0; g < reader.RowGroups.Count; g++)
            {
                var batch = await reader.ReadRowGroupAsync(g, names, cancellationToken);
                for (var c = 0; c < names.Count; c++)
                {
                    AddValues(batch.Columns[c], all[c]);
                }
            }

            for (var c = 0; c < names.Count; c++)
            {
                snapshot[names[c]] = all[c];
            }

            return snapshot;
        }
        catch (EngineException)
        {
            // Some column fails: read column by column so the others are still compared.
        }

        foreach (var name in names)
        {
            try
            {
                var values = new List<ScalarValue>();
                for (var g = 0; g < reader.RowGroups.Count; g++)
                {
                    AddValues((await reader.ReadRowGroupAsync(g, [name], cancellationToken)).Columns[0], values);
                }

                snapshot[name] = values;
            }
            catch (EngineException exception)
            {
                snapshot[name] = Describe(exception);
            }
        }

        return snapshot;
    }

    /// <summary>
    /// The first difference between two snapshots ("column 'x' row 5: expected 1, read 2"), or null when they
    /// are equal. Compares values with <see cref="ScalarValue.Equals(ScalarValue)"/> (NaN equals NaN).
    /// </summary>
    public static string? FirstDifference(Dictionary<string, object> expected, Dictionary<string, object> actual)
    {
        var expectedKeys = string.Join(", ", expected.Keys);
        var actualKeys = string.Join(", ", actual.Keys);
        if (expectedKeys != actualKeys)
        {
            return $"entries differ: expected [{expectedKeys}], read [{actualKeys}]";
        }

        foreach (var (name, value) in expected)
        {
            var other = actual[name];
            if (value is List<ScalarValue> expectedValues && other is List<ScalarValue> actualValues)
            {
                if (expectedValues.Count != actualValues.Count)
                {
                    return $"column '{name}': expected {expectedValues.Count} values, read {actualValues.Count}";
                }

                for (var i = 0; i < expectedValues.Count; i++)
                {
                    if (!expectedValues[i].Equals(actualValues[i]))
                    {
                        return $"column '{name}' row {i}: expected {expectedValues[i]}, read {actualValues[i]}";
                    }
                }
            }
            else if (!Equals(value, other))
            {
                return $"'{name}': expected {value}, read {other}";
            }
        }

        return null;
    }

    private static void AddValues(Column column, List<ScalarValue> values)
    {
        for (var r = 0; r < column.Length; r++)
        {
            values.Add(column.GetScalar(r));
        }
    }

    private static string Describe(EngineException exception) => $"{exception.GetType().Name}: {exception.Message}";
}
