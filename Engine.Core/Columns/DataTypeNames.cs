namespace Engine.Core.Columns;

/// <summary>SQL-facing names of <see cref="DataType"/> values, used in schemas, EXPLAIN and error messages.</summary>
public static class DataTypeNames
{
    /// <summary>The SQL name of <paramref name="type"/>: BIGINT, DOUBLE, TIMESTAMP, BOOLEAN, VARCHAR or INTERVAL.</summary>
    public static string SqlName(this DataType type) => type.Id switch
    {
        TypeId.Int64 => "BIGINT",
        TypeId.Double => "DOUBLE",
        TypeId.Timestamp => "TIMESTAMP",
        TypeId.Bool => "BOOLEAN",
        TypeId.String => "VARCHAR",
        TypeId.Interval => "INTERVAL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Id, "Unknown data type."),
    };

    /// <summary>True for the types arithmetic and numeric aggregates accept.</summary>
    public static bool IsNumeric(this DataType type) => type.Id is TypeId.Int64 or TypeId.Double;
}
