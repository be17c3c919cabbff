namespace Engine.Core.Columns;

/// <summary>SQL-facing names of <see cref="DataType"/> values, used in schemas, EXPLAIN and error messages.</summary>
public static class DataTypeNames
{
    /// <summary>The SQL name of <paramref name="type"/>: BIGINT, DOUBLE, TIMESTAMP, BOOLEAN or VARCHAR.</summary>
    public static string SqlName(this DataType type) => type switch
    {
        DataType.Int64 => "BIGINT",
        DataType.Double => "DOUBLE",
        DataType.Timestamp => "TIMESTAMP",
        DataType.Bool => "BOOLEAN",
        DataType.String => "VARCHAR",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown data type."),
    };

    /// <summary>True for the types arithmetic and numeric aggregates accept.</summary>
    public static bool IsNumeric(this DataType type) => type is DataType.Int64 or DataType.Double;
}
