using Engine.Core.Aggregates;
using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Core.Functions.Scalar.Text;

namespace Engine.Core.Execution;

/// <summary>
/// Decides a filter for a whole morsel from the min/max of the columns it compares with constants, before
/// any row is evaluated: conjunctions of <c>column op literal</c> over BIGINT/TIMESTAMP columns without
/// NULLs (the time-range filters of time-series queries), and comparisons of a partition-constant string
/// column (one dictionary entry, no NULLs) with a string literal or in a text predicate such as LIKE. A morsel outside the range is skipped, one inside
/// it needs no selection vector. Anything else is <see cref="FilterOutcome.Some"/>. Stateless, thread-safe.
/// </summary>
internal static class MorselRangeCheck
{
    /// <summary>What <paramref name="filter"/> keeps of <paramref name="morsel"/>, when decidable from min/max.</summary>
    public static FilterOutcome Check(BoundExpression filter, ColumnBatch morsel)
    {
        if (filter is LogicalExpression { Operator: LogicalOperator.And } and)
        {
            var left = Check(and.Left, morsel);
            if (left == FilterOutcome.None)
            {
                return FilterOutcome.None;
            }

            var right = Check(and.Right, morsel);
            return right == FilterOutcome.None ? FilterOutcome.None
                : left == FilterOutcome.All && right == FilterOutcome.All ? FilterOutcome.All
                : FilterOutcome.Some;
        }

        if (ColumnComparison.TryMatch(filter, out var comparison))
        {
            return Compare(comparison.Operator, morsel.Columns[comparison.Column], comparison.Constant);
        }

        return filter is NotExpression { Operand: FunctionExpression negated } ? TextPredicate(negated, true, morsel)
            : filter is FunctionExpression call ? TextPredicate(call, false, morsel)
            : FilterOutcome.Some;
    }

    // A text predicate (LIKE, starts_with, …) over a partition-constant string column: computed once for its value.
    private static FilterOutcome TextPredicate(FunctionExpression call, bool negated, ColumnBatch morsel)
    {
        if (call.Kernel is not TextKernel { ResultType.Id: TypeId.Bool, DictionaryArgument: >= 0 } kernel ||
            call.Arguments[kernel.DictionaryArgument] is not ColumnReference reference ||
            morsel.Columns[reference.Index] is not StringColumn { Dictionary.Count: 1, HasNulls: false, Length: > 0 } constant)
        {
            return FilterOutcome.Some;
        }

        var result = kernel.ComputeFor(ScalarValue.FromString(constant.Dictionary[0]));
        return !result.IsNull && result.BoolValue != negated ? FilterOutcome.All : FilterOutcome.None;
    }

    /// <summary>What <c>column op value</c> keeps of a morsel, when decidable without evaluating rows.</summary>
    internal static FilterOutcome Compare(ComparisonOperator op, Column column, ScalarValue value)
    {
        if (column is StringColumn { Dictionary.Count: 1, HasNulls: false, Length: > 0 } constant && value is { IsNull: false, Type.Id: TypeId.String })
        {
            // A partition-constant string (a Hive `symbol=` tag): one ordinal comparison decides every row.
            return op.Holds(string.CompareOrdinal(constant.Dictionary[0], value.StringValue)) ? FilterOutcome.All : FilterOutcome.None;
        }

        if (column is not Int64Column { HasNulls: false, Length: > 0 } ints || value.IsNull || value.Type != column.Type)
        {
            return FilterOutcome.Some;
        }

        var values = ints.Values;
        var min = SpanKernels.Extreme(values, maximum: false);
        var max = SpanKernels.Extreme(values, maximum: true);
        var v = value.Int64Value;
        var (all, none) = op switch
        {
            ComparisonOperator.GreaterOrEqual => (min >= v, max < v),
            ComparisonOperator.Greater => (min > v, max <= v),
            ComparisonOperator.LessOrEqual => (max <= v, min > v),
            ComparisonOperator.Less => (max < v, min >= v),
            ComparisonOperator.Equal => (min == v && max == v, v < min || v > max),
            _ => (v < min || v > max, min == v && max == v),
        };
        return all ? FilterOutcome.All : none ? FilterOutcome.None : FilterOutcome.Some;
    }
}
