using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>date_part(part, ts)</c> (also <c>datepart</c>, and <c>extract(part FROM ts)</c>, which the parser
/// rewrites to it): one field of a TIMESTAMP, as in DuckDB 1.5. The part is a constant text such as
/// <c>'year'</c>, <c>'dow'</c> or <c>'epoch'</c> (DuckDB's specifiers and abbreviations, any case; see
/// <see cref="DateParts.Known"/>). BIGINT for every part but <c>epoch</c> (seconds since 1970 with the
/// fraction) and <c>julian</c>, which are DOUBLE; <c>second</c> is the whole second. Weeks and
/// <c>isoyear</c> are ISO-8601, <c>dow</c> counts from Sunday = 0, <c>isodow</c> from Monday = 1. On an
/// INTERVAL only <c>epoch</c> is defined (Engine's intervals are microseconds, with no day or month fields).
/// A NULL part or timestamp gives NULL.
/// </summary>
public sealed class DatePartFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "date_part";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["datepart"];

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(2, 2, "date_part(part, ts)");
        var part = TimeBinding.RequirePart(context, 0, "date_part");
        if (context.TypeOf(1) == DataType.Interval)
        {
            return part switch
            {
                null => new NullKernel(DataType.Int64),
                DatePart.Epoch => new DatePartKernel(DatePart.Epoch, 1),
                _ => throw context.Error(0, $"date_part on an INTERVAL supports only 'epoch', not {context.Arguments[0]} (an INTERVAL here is a number of microseconds, without day or month fields)"),
            };
        }

        TimeBinding.RequireTimestamp(context, 1, "date_part(part, ts)");
        return part is { } known ? new DatePartKernel(known, 1) : new NullKernel(DataType.Int64);
    }
}
