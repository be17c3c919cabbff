using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// time_bucket(width, ts): the start of the bucket that holds <paramref name="Timestamp"/>, computed as
/// origin + floor((ts − origin) / width) × width, so times before the origin or 1970 land in the right
/// bucket. The origin is DuckDB's default for sub-month widths, 2000-01-03T00:00:00Z (a Monday).
/// </summary>
public sealed record TimeBucketExpression(long WidthMicros, long OriginMicros, BoundExpression Timestamp)
    : BoundExpression(DataType.Timestamp)
{
    /// <summary>DuckDB's default origin for time_bucket with a width in days, hours or smaller units.</summary>
    public const long DefaultOriginMicros = 946_857_600_000_000;

    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Timestamp];

    /// <inheritdoc />
    public override string ToString() => $"time_bucket({WidthMicros}us, {Timestamp})";
}
