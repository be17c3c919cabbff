using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Core.Functions.Scalar.Text;

namespace Engine.Core.Planning;

/// <summary>
/// Decides from partition-key values and chunk min/max statistics whether a chunk can hold a row that
/// satisfies the filter. Only proves "cannot match" for comparisons and IN lists of a column against
/// constants, for text predicates (LIKE, starts_with, …) of a column whose chunk holds one value (a
/// partition key), and their combinations with AND/OR and NOT; everything else is assumed to match. Unknown
/// statistics never prune.
/// </summary>
internal static class PartitionPruner
{
    /// <summary>False only when no row of the chunk can satisfy <paramref name="filter"/>.</summary>
    public static bool CanMatch(BoundExpression filter, IReadOnlyList<Field> scanFields, PartitionInfo partition, PartitionChunk chunk) =>
        filter switch
        {
            LogicalExpression { Operator: LogicalOperator.And } and =>
                CanMatch(and.Left, scanFields, partition, chunk) && CanMatch(and.Right, scanFields, partition, chunk),
            LogicalExpression or =>
                CanMatch(or.Left, scanFields, partition, chunk) || CanMatch(or.Right, scanFields, partition, chunk),
            InListExpression { Operand: ColumnReference column, Negated: false } inList =>
                inList.Values.Any(v => RangeCanSatisfy(Range(column.Index, scanFields, partition, chunk), ComparisonOperator.Equal, v)),
            _ when ColumnComparison.TryMatch(filter, out var comparison) =>
                RangeCanSatisfy(Range(comparison.Column, scanFields, partition, chunk), comparison.Operator, comparison.Constant),
            NotExpression { Operand: FunctionExpression call } => TextPredicateCanMatch(call, negated: true, scanFields, partition, chunk),
            FunctionExpression call => TextPredicateCanMatch(call, negated: false, scanFields, partition, chunk),
            _ => true,
        };

    // A text predicate over a column that holds one value in the chunk is decided by computing it for that value.
    private static bool TextPredicateCanMatch(FunctionExpression call, bool negated, IReadOnlyList<Field> scanFields, PartitionInfo partition, PartitionChunk chunk)
    {
        if (call.Kernel is not TextKernel { ResultType.Id: TypeId.Bool, DictionaryArgument: >= 0 } kernel ||
            call.Arguments[kernel.DictionaryArgument] is not ColumnReference column ||
            Range(column.Index, scanFields, partition, chunk) is not var (min, max, _) ||
            min.IsNull || min.Type != DataType.String || !min.Equals(max))
        {
            return true;
        }

        var result = kernel.ComputeFor(min);
        return !result.IsNull && result.BoolValue != negated;
    }

    private static (ScalarValue Min, ScalarValue Max, bool MayHoldNaN)? Range(int column, IReadOnlyList<Field> scanFields, PartitionInfo partition, PartitionChunk chunk)
    {
        var name = scanFields[column].Name;
        var type = scanFields[column].Type;
        if (partition.KeyValues.TryGetValue(name, out var key))
        {
            return (key, key, key.Type == DataType.Double && !key.IsNull && double.IsNaN(key.DoubleValue));
        }

        if (chunk.Statistics.TryGetValue(name, out var statistics) && !statistics.Min.IsNull && !statistics.Max.IsNull)
        {
            return (statistics.Min, statistics.Max, type == DataType.Double && statistics.NanCount != 0);
        }

        return null;
    }

    private static bool RangeCanSatisfy((ScalarValue Min, ScalarValue Max, bool MayHoldNaN)? range, ComparisonOperator op, ScalarValue value)
    {
        if (range is not var (min, max, mayHoldNaN) || value.IsNull)
        {
            // Unknown range: maybe. A comparison with NULL is never true.
            return !value.IsNull;
        }

        if (min.IsNull || max.IsNull || !Comparable(min, value))
        {
            return true;
        }

        // NaN sorts above every number but is outside min/max: a NaN literal, or a comparison that a NaN row
        // satisfies (>, >=, <>) on a column that may hold NaN, cannot be decided from the bounds.
        if ((value.Type == DataType.Double && double.IsNaN(value.DoubleValue)) ||
            (mayHoldNaN && op is ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual or ComparisonOperator.NotEqual))
        {
            return true;
        }

        return op switch
        {
            ComparisonOperator.Equal => min.CompareTo(value) <= 0 && max.CompareTo(value) >= 0,
            ComparisonOperator.NotEqual => !(min.CompareTo(value) == 0 && max.CompareTo(value) == 0),
            ComparisonOperator.Less => min.CompareTo(value) < 0,
            ComparisonOperator.LessOrEqual => min.CompareTo(value) <= 0,
            ComparisonOperator.Greater => max.CompareTo(value) > 0,
            _ => max.CompareTo(value) >= 0,
        };
    }

    private static bool Comparable(ScalarValue left, ScalarValue right) =>
        left.Type == right.Type || (left.Type.IsNumeric() && right.Type.IsNumeric());
}
