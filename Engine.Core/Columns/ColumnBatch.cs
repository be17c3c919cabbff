namespace Engine.Core.Columns;

/// <summary>
/// A set of equal-length columns described by a schema: the unit that flows through scans, fragments and
/// results (a morsel, typically 64K–1M rows). Immutable; safe to read from many threads.
/// </summary>
public sealed class ColumnBatch
{
    /// <summary>Creates a batch; every column must have <paramref name="rowCount"/> rows and the schema's type.</summary>
    public ColumnBatch(Schema schema, IReadOnlyList<Column> columns, int rowCount)
    {
        if (schema.Count != columns.Count)
        {
            throw new ArgumentException($"The schema has {schema.Count} fields but {columns.Count} columns were given.", nameof(columns));
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length != rowCount)
            {
                throw new ArgumentException($"Column '{schema[i].Name}' has {columns[i].Length} rows, expected {rowCount}.", nameof(columns));
            }

            if (columns[i].Type != schema[i].Type)
            {
                throw new ArgumentException($"Column '{schema[i].Name}' is {columns[i].Type.SqlName()}, the schema says {schema[i].Type.SqlName()}.", nameof(columns));
            }
        }

        Schema = schema;
        Columns = columns;
        RowCount = rowCount;
    }

    /// <summary>The schema.</summary>
    public Schema Schema { get; }

    /// <summary>The columns, in schema order.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>The column named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> if absent.</summary>
    public Column this[string name]
    {
        get
        {
            var index = Schema.IndexOf(name);
            return index >= 0 ? Columns[index] : throw new KeyNotFoundException($"No column '{name}' in ({Schema}).");
        }
    }

    /// <summary>A zero-copy view of rows [start, start + length).</summary>
    public ColumnBatch Slice(int start, int length)
    {
        var columns = new Column[Columns.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = Columns[i].Slice(start, length);
        }

        return new ColumnBatch(Schema, columns, length);
    }
}
