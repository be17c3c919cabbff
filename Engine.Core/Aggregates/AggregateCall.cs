using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Aggregates;

/// <summary>
/// One aggregate to compute: the function, its bound kernel, its arguments (every implicit one made explicit,
/// such as the time column of first/last) and whether it aggregates distinct values only. Plain data within
/// a fragment plan; equal to another call of the same function (by wire name) with equal arguments.
/// </summary>
/// <param name="Function">The aggregate function.</param>
/// <param name="Kernel">What <see cref="AggregateFunction.Bind"/> returned (wrapped for DISTINCT).</param>
/// <param name="Arguments">The arguments; empty for count(*).</param>
/// <param name="Distinct">True for <c>agg(DISTINCT …)</c>.</param>
/// <param name="Filter">The BOOLEAN condition of <c>agg(…) FILTER (WHERE …)</c>: only rows where it is true are aggregated; null for all rows.</param>
public sealed record AggregateCall(AggregateFunction Function, AggregateKernel Kernel, IReadOnlyList<BoundExpression> Arguments, bool Distinct, BoundExpression? Filter = null)
{
    /// <summary>The type of the finalized value.</summary>
    public DataType ResultType => Kernel.ResultType;

    /// <summary>
    /// Binds <paramref name="function"/> to the arguments of <paramref name="context"/>; for DISTINCT the
    /// kernel is wrapped so that each distinct argument value per group counts once.
    /// </summary>
    public static AggregateCall Bind(AggregateFunction function, AggregateBindContext context, bool distinct, BoundExpression? filter = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(context);
        var kernel = function.Bind(context);
        if (distinct)
        {
            kernel = new DistinctKernel(kernel, [.. context.Arguments.Select(a => a.Type)]);
        }

        return new AggregateCall(function, kernel, context.Arguments, distinct, filter);
    }

    /// <summary>Equal when the function (by wire name), the arguments, DISTINCT and the filter are.</summary>
    public bool Equals(AggregateCall? other) =>
        other is not null && Distinct == other.Distinct && Equals(Filter, other.Filter) &&
        string.Equals(Function.WireName, other.Function.WireName, StringComparison.Ordinal) &&
        Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Function.WireName), Arguments.Count, Distinct);

    /// <summary>Display text: <c>name([DISTINCT] arg, …)</c>, or <c>count(*)</c>.</summary>
    public override string ToString() =>
        (Arguments.Count == 0 && Function.Name == "count_star" ? "count(*)" : $"{Function.Name}({(Distinct ? "DISTINCT " : string.Empty)}{string.Join(", ", Arguments)})")
        + (Filter is null ? string.Empty : $" FILTER (WHERE {Filter})");
}
