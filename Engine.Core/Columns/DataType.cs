namespace Engine.Core.Columns;

/// <summary>
/// A logical SQL type: its <see cref="TypeId"/> and, for parameterized types, its parameters. A small
/// immutable value compared by value; use the static members (<see cref="Int64"/>, <see cref="Double"/>, …)
/// and compare with <c>==</c>, or switch on <see cref="Id"/>. <c>default(DataType)</c> is not a valid type.
/// </summary>
public readonly struct DataType : IEquatable<DataType>
{
    private DataType(TypeId id) => Id = id;

    /// <summary>The kind of the type.</summary>
    public TypeId Id { get; }

    /// <summary>How values of the type are stored in a column (and on the wire).</summary>
    public PhysicalKind Physical => Id switch
    {
        TypeId.Int64 or TypeId.Timestamp or TypeId.Interval => PhysicalKind.Int64,
        TypeId.Double => PhysicalKind.Double,
        TypeId.Bool => PhysicalKind.Bool,
        TypeId.String => PhysicalKind.String,
        _ => throw new InvalidOperationException($"Type id {Id} has no physical representation."),
    };

    /// <summary>BIGINT.</summary>
    public static DataType Int64 { get; } = new(TypeId.Int64);

    /// <summary>DOUBLE.</summary>
    public static DataType Double { get; } = new(TypeId.Double);

    /// <summary>TIMESTAMP (microseconds).</summary>
    public static DataType Timestamp { get; } = new(TypeId.Timestamp);

    /// <summary>BOOLEAN.</summary>
    public static DataType Bool { get; } = new(TypeId.Bool);

    /// <summary>VARCHAR.</summary>
    public static DataType String { get; } = new(TypeId.String);

    /// <summary>INTERVAL (microseconds).</summary>
    public static DataType Interval { get; } = new(TypeId.Interval);

    /// <summary>The type of <paramref name="id"/>; throws <see cref="ArgumentOutOfRangeException"/> for an unknown id.</summary>
    public static DataType FromId(TypeId id) => IsDefined(id)
        ? new DataType(id)
        : throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown type id.");

    /// <summary>True when <paramref name="id"/> names a type this version knows.</summary>
    public static bool IsDefined(TypeId id) => id is >= TypeId.Int64 and <= TypeId.Interval;

    /// <inheritdoc />
    public bool Equals(DataType other) => Id == other.Id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DataType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)Id;

    /// <summary>The SQL name, as <see cref="DataTypeNames.SqlName"/> gives it.</summary>
    public override string ToString() => Id == 0 ? "(no type)" : this.SqlName();

    /// <summary>Equality.</summary>
    public static bool operator ==(DataType left, DataType right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(DataType left, DataType right) => !left.Equals(right);
}
