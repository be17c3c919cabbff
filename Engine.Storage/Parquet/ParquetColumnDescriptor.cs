using Engine.Core.Columns;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet;

/// <summary>
/// One top-level Parquet column as Engine sees it: the Engine <see cref="Field"/> it becomes and the Parquet
/// details it came from (physical type, annotations, repetition). Immutable.
/// </summary>
public sealed class ParquetColumnDescriptor
{
    internal ParquetColumnDescriptor(int index, Field field, PhysicalType physicalType, int typeLength, FieldRepetition repetition,
        ConvertedType? convertedType, LogicalType? logicalType, int precision, int scale, ValueConversion conversion)
    {
        Index = index;
        Field = field;
        PhysicalType = physicalType;
        TypeLength = typeLength;
        Repetition = repetition;
        ConvertedType = convertedType;
        LogicalType = logicalType;
        Precision = precision;
        Scale = scale;
        Conversion = conversion;
    }

    /// <summary>The position of the column in the file (and in every row group).</summary>
    public int Index { get; }

    /// <summary>The column's name.</summary>
    public string Name => Field.Name;

    /// <summary>The Engine field (name, type, nullability) the column is read as.</summary>
    public Field Field { get; }

    /// <summary>The Parquet physical type.</summary>
    public PhysicalType PhysicalType { get; }

    /// <summary>The byte width of a FIXED_LEN_BYTE_ARRAY column (0 for other types).</summary>
    public int TypeLength { get; }

    /// <summary>REQUIRED or OPTIONAL (REPEATED columns are rejected at open).</summary>
    public FieldRepetition Repetition { get; }

    /// <summary>The legacy annotation, when present.</summary>
    public ConvertedType? ConvertedType { get; }

    /// <summary>The LogicalType annotation, when present.</summary>
    public LogicalType? LogicalType { get; }

    /// <summary>DECIMAL precision (0 for other columns).</summary>
    public int Precision { get; }

    /// <summary>DECIMAL scale (0 for other columns).</summary>
    public int Scale { get; }

    internal ValueConversion Conversion { get; }

    internal int MaxDefinitionLevel => Repetition == FieldRepetition.Optional ? 1 : 0;
}
