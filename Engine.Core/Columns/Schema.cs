namespace Engine.Core.Columns;

/// <summary>An ordered list of fields. Lookups by name prefer an exact match, then a case-insensitive one.</summary>
public sealed class Schema
{
    /// <summary>Creates a schema; names must be unique ignoring case.</summary>
    public Schema(IReadOnlyList<Field> fields)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            if (!seen.Add(field.Name))
            {
                throw new ArgumentException($"Duplicate column name '{field.Name}'.", nameof(fields));
            }
        }

        Fields = fields;
    }

    /// <summary>The fields in order.</summary>
    public IReadOnlyList<Field> Fields { get; }

    /// <summary>The number of fields.</summary>
    public int Count => Fields.Count;

    /// <summary>The field at <paramref name="index"/>.</summary>
    public Field this[int index] => Fields[index];

    /// <summary>The index of <paramref name="name"/> (exact match first, then ignoring case), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"name TYPE, …" for EXPLAIN and error messages.</summary>
    public override string ToString() => string.Join(", ", Fields.Select(f => $"{f.Name} {f.Type.SqlName()}"));
}
