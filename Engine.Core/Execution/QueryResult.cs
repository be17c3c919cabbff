using Engine.Core.Columns;

namespace Engine.Core.Execution;

/// <summary>
/// The answer to a query: the output schema (names as in SELECT, aliases applied) and the rows as column
/// batches, plus what the run cost. Immutable; safe to read from many threads.
/// </summary>
public sealed class QueryResult
{
    /// <summary>Creates a result from batches that all have <paramref name="schema"/>.</summary>
    public QueryResult(Schema schema, IReadOnlyList<ColumnBatch> batches, QueryStatistics statistics)
    {
        Schema = schema;
        Batches = batches;
        Statistics = statistics;
        var rows = 0;
        foreach (var batch in batches)
        {
            rows = checked(rows + batch.RowCount);
        }

        RowCount = rows;
    }

    /// <summary>Output columns in SELECT order.</summary>
    public Schema Schema { get; }

    /// <summary>The rows, in result order, as batches.</summary>
    public IReadOnlyList<ColumnBatch> Batches { get; }

    /// <summary>Total rows.</summary>
    public int RowCount { get; }

    /// <summary>What the query did: mode, fragments, rows scanned, timings.</summary>
    public QueryStatistics Statistics { get; }

    /// <summary>The value at a row and column; a cold-path accessor for clients and tests.</summary>
    public ScalarValue GetValue(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        foreach (var batch in Batches)
        {
            if (row < batch.RowCount)
            {
                return batch.Columns[column].GetScalar(row);
            }

            row -= batch.RowCount;
        }

        throw new ArgumentOutOfRangeException(nameof(row), "Row is past the end of the result.");
    }

    /// <summary>Enumerates rows as arrays of scalars in SELECT order.</summary>
    public IEnumerable<ScalarValue[]> Rows()
    {
        foreach (var batch in Batches)
        {
            for (var r = 0; r < batch.RowCount; r++)
            {
                var row = new ScalarValue[batch.Columns.Count];
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] = batch.Columns[c].GetScalar(r);
                }

                yield return row;
            }
        }
    }
}
