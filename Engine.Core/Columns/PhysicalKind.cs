namespace Engine.Core.Columns;

/// <summary>How a column stores its values; several logical types share one (TIMESTAMP and INTERVAL are int64s).</summary>
public enum PhysicalKind : byte
{
    /// <summary>64-bit integers in an <see cref="Int64Column"/>.</summary>
    Int64,

    /// <summary>Doubles in a <see cref="DoubleColumn"/>.</summary>
    Double,

    /// <summary>Bits in a <see cref="BoolColumn"/>.</summary>
    Bool,

    /// <summary>Dictionary codes in a <see cref="StringColumn"/>.</summary>
    String,
}
