namespace Engine.Storage.Parquet.Metadata;

/// <summary>One node of the depth-first flattened Parquet schema tree.</summary>
internal sealed class SchemaElement
{
    public PhysicalType? Type { get; set; }

    public int? TypeLength { get; set; }

    public FieldRepetition? Repetition { get; set; }

    public string Name { get; set; } = string.Empty;

    public int? NumChildren { get; set; }

    public ConvertedType? ConvertedType { get; set; }

    public int? Scale { get; set; }

    public int? Precision { get; set; }

    public LogicalType? LogicalType { get; set; }
}
