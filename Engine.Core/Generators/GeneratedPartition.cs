using Engine.Core.Columns;

namespace Engine.Core.Generators;

/// <summary>
/// One generated partition: the partition-key values every row holds and the rows as batches in time
/// order. The shape <see cref="Catalog.InMemoryCatalog.Register(string, Schema, IReadOnlyList{ValueTuple{IReadOnlyDictionary{string, ScalarValue}, IReadOnlyList{ColumnBatch}}}, string?, string?)"/>
/// takes, and what a writer turns into one Hive partition.
/// </summary>
/// <param name="KeyValues">Partition-key values by column name (e.g. <c>symbol = S0001</c>).</param>
/// <param name="Batches">The rows, sorted by the time column, in batches no larger than the options' batch size.</param>
public sealed record GeneratedPartition(IReadOnlyDictionary<string, ScalarValue> KeyValues, IReadOnlyList<ColumnBatch> Batches)
{
    /// <summary>Rows over all batches.</summary>
    public long RowCount
    {
        get
        {
            long rows = 0;
            foreach (var batch in Batches)
            {
                rows += batch.RowCount;
            }

            return rows;
        }
    }
}
