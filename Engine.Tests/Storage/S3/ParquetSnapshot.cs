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
        foreach (var field in reader.Schema.Fields)
        {
            try
            {
                var values = new List<ScalarValue>();
                for (var g = 0; g < reader.RowGroups.Count; g++)
                {
                    var column = (await reader.ReadRowGroupAsync(g, [field.Name], cancellationToken)).Columns[0];
                    for (var r = 0; r < column.Length; r++)
                    {
                        values.Add(column.GetScalar(r));
                    }
                }

                snapshot[field.Name] = values;
            }
            catch (EngineException exception)
            {
                snapshot[field.Name] = Describe(exception);
            }
        }

        return snapshot;
    }

    private static string Describe(EngineException exception) => $"{exception.GetType().Name}: {exception.Message}";
}
