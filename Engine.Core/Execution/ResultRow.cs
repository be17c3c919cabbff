using Engine.Core.Columns;

namespace Engine.Core.Execution;

/// <summary>One streamed result row: values in SELECT order with the output schema for names and types.</summary>
/// <param name="Schema">The output schema.</param>
/// <param name="Values">The values, one per output column.</param>
public sealed record ResultRow(Schema Schema, IReadOnlyList<ScalarValue> Values)
{
    /// <summary>The value of the output column named <paramref name="name"/>.</summary>
    public ScalarValue this[string name]
    {
        get
        {
            var index = Schema.IndexOf(name);
            return index >= 0 ? Values[index] : throw new KeyNotFoundException($"No output column '{name}' in ({Schema}).");
        }
    }
}
