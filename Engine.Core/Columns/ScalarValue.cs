using System.Globalization;

namespace Engine.Core.Columns;

/// <summary>
/// One typed value or a typed NULL. Used on cold paths: literals, statistics, partition keys, results
/// read row by row, tests. Ordering compares numbers across Int64 and Double, strings ordinally, and
/// puts NULL first.
/// </summary>
public readonly struct ScalarValue : IEquatable<ScalarValue>, IComparable<ScalarValue>
{
    private readonly long _bits;
    private readonly double _double;
    private readonly string? _string;

    private ScalarValue(DataType type, bool isNull, long bits, double value, string? text)
    {
        Type = type;
        IsNull = isNull;
        _bits = bits;
        _double = value;
        _string = text;
    }

    /// <summary>The type of the value.</summary>
    public DataType Type { get; }

    /// <summary>True for SQL NULL.</summary>
    public bool IsNull { get; }

    /// <summary>A NULL of <paramref name="type"/>.</summary>
    public static ScalarValue Null(DataType type) => new(type, true, 0, 0, null);

    /// <summary>A BIGINT value.</summary>
    public static ScalarValue FromInt64(long value) => new(DataType.Int64, false, value, 0, null);

    /// <summary>A DOUBLE value.</summary>
    public static ScalarValue FromDouble(double value) => new(DataType.Double, false, 0, value, null);

    /// <summary>A TIMESTAMP value in microseconds since the epoch.</summary>
    public static ScalarValue FromTimestamp(long micros) => new(DataType.Timestamp, false, micros, 0, null);

    /// <summary>An INTERVAL value in microseconds.</summary>
    public static ScalarValue FromInterval(long micros) => new(DataType.Interval, false, micros, 0, null);

    /// <summary>A value of a type stored as 64-bit integers (BIGINT, TIMESTAMP, INTERVAL).</summary>
    public static ScalarValue FromInt64Bits(DataType type, long value) =>
        type.Physical == PhysicalKind.Int64 ? new(type, false, value, 0, null) : throw new ArgumentException($"{type} is not stored as 64-bit integers.", nameof(type));

    /// <summary>A BOOLEAN value.</summary>
    public static ScalarValue FromBool(bool value) => new(DataType.Bool, false, value ? 1 : 0, 0, null);

    /// <summary>A VARCHAR value.</summary>
    public static ScalarValue FromString(string value) => new(DataType.String, false, 0, 0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>The payload of a type stored as 64-bit integers (BIGINT, TIMESTAMP micros, INTERVAL micros).</summary>
    public long Int64Value => Type.Physical == PhysicalKind.Int64 && !IsNull ? _bits : throw Mismatch("BIGINT");

    /// <summary>The numeric payload as a double (BIGINT values are converted).</summary>
    public double DoubleValue => IsNull ? throw Mismatch("DOUBLE") : Type.Id switch
    {
        TypeId.Double => _double,
        TypeId.Int64 or TypeId.Timestamp or TypeId.Interval => _bits,
        _ => throw Mismatch("DOUBLE"),
    };

    /// <summary>The BOOLEAN payload.</summary>
    public bool BoolValue => Type == DataType.Bool && !IsNull ? _bits != 0 : throw Mismatch("BOOLEAN");

    /// <summary>The VARCHAR payload.</summary>
    public string StringValue => Type == DataType.String && !IsNull ? _string! : throw Mismatch("VARCHAR");

    /// <summary>The value boxed as a CLR object: long, double, DateTime (UTC), TimeSpan, bool, string, or null.</summary>
    public object? ToObject() => IsNull ? null : Type.Id switch
    {
        TypeId.Int64 => _bits,
        TypeId.Double => _double,
        TypeId.Timestamp => TimestampMicros.ToDateTime(_bits),
        TypeId.Interval => TimeSpan.FromMicroseconds(_bits),
        TypeId.Bool => _bits != 0,
        TypeId.String => _string,
        _ => null,
    };

    /// <inheritdoc />
    public int CompareTo(ScalarValue other)
    {
        if (IsNull || other.IsNull)
        {
            return IsNull.CompareTo(other.IsNull) * -1;
        }

        if (Type == DataType.String || other.Type == DataType.String)
        {
            return string.CompareOrdinal(_string, other._string);
        }

        if (Type == DataType.Double || other.Type == DataType.Double)
        {
            return DoubleValue.CompareTo(other.DoubleValue);
        }

        return _bits.CompareTo(other._bits);
    }

    /// <inheritdoc />
    public bool Equals(ScalarValue other) =>
        Type == other.Type && IsNull == other.IsNull && _bits == other._bits &&
        _double.Equals(other._double) && string.Equals(_string, other._string, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ScalarValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, IsNull, _bits, _double, _string);

    /// <summary>Invariant text: numbers round-trip, timestamps ISO-8601, NULL as "NULL".</summary>
    public override string ToString() => IsNull ? "NULL" : Type.Id switch
    {
        TypeId.Int64 => _bits.ToString(CultureInfo.InvariantCulture),
        TypeId.Double => _double.ToString("R", CultureInfo.InvariantCulture),
        TypeId.Timestamp => TimestampMicros.Format(_bits),
        TypeId.Interval => IntervalText.Format(_bits),
        TypeId.Bool => _bits != 0 ? "true" : "false",
        TypeId.String => _string!,
        _ => string.Empty,
    };

    /// <summary>Equality operator.</summary>
    public static bool operator ==(ScalarValue left, ScalarValue right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(ScalarValue left, ScalarValue right) => !left.Equals(right);

    /// <summary>Ordering operator.</summary>
    public static bool operator <(ScalarValue left, ScalarValue right) => left.CompareTo(right) < 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator >(ScalarValue left, ScalarValue right) => left.CompareTo(right) > 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator <=(ScalarValue left, ScalarValue right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator >=(ScalarValue left, ScalarValue right) => left.CompareTo(right) >= 0;

    private InvalidOperationException Mismatch(string wanted) =>
        new($"A {(IsNull ? "NULL " : string.Empty)}{Type.SqlName()} scalar has no {wanted} value.");
}
