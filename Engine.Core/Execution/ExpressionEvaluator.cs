using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;
using Engine.Core.Expressions;
using Engine.Core.Functions;

namespace Engine.Core.Execution;

/// <summary>
/// Evaluates bound expressions column-at-a-time. <c>Evaluate</c> returns a dense column with one
/// row per selected input row; <see cref="Filter"/> narrows a selection by a predicate, treating NULL as
/// false. Stateless and thread-safe.
/// </summary>
internal static class ExpressionEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="expression"/> over the rows of <paramref name="batch"/> named by
    /// <paramref name="selection"/>. The result has <c>selection.Count</c> rows; it may share buffers with the
    /// batch (a column reference over all rows is the batch's column itself).
    /// </summary>
    public static Column Evaluate(BoundExpression expression, ColumnBatch batch, Selection selection) =>
        expression.Accept(new Evaluation(batch, selection));

    /// <summary>Evaluates <paramref name="expression"/> over every row of <paramref name="batch"/>.</summary>
    public static Column Evaluate(BoundExpression expression, ColumnBatch batch) => Evaluate(expression, batch, Selection.All(batch.RowCount));

    /// <summary>
    /// The rows of <paramref name="selection"/> for which <paramref name="predicate"/> is true, written into
    /// buffers from <paramref name="buffers"/> (valid until the next call with the same buffers).
    /// Conjunctions narrow the selection one side at a time; <c>column op constant</c> over numbers and
    /// timestamps, and text predicates over one VARCHAR column, go straight into the index list.
    /// </summary>
    public static Selection Filter(BoundExpression predicate, ColumnBatch batch, Selection selection, SelectionBuffers buffers)
    {
        if (predicate is LogicalExpression { Operator: LogicalOperator.And } and)
        {
            var left = Filter(and.Left, batch, selection, buffers);
            return left.Count == 0 ? left : Filter(and.Right, batch, left, buffers);
        }

        if (ColumnComparison.TryMatch(predicate, out var comparison) &&
            ConstantComparisonFilter.TryFilter(comparison, batch, selection, buffers) is { } direct)
        {
            return direct;
        }

        if (DictionaryPredicateFilter.TryFilter(predicate, batch, selection, buffers) is { } decided)
        {
            return decided;
        }

        var result = (BoolColumn)Evaluate(predicate, batch, selection);
        var output = buffers.Next(result.Length);
        var count = 0;
        for (var i = 0; i < result.Length; i++)
        {
            output[count] = selection[i];
            count += result.GetValue(i) && !result.IsNull(i) ? 1 : 0;
        }

        return Selection.Of(output, count);
    }

    /// <summary>
    /// The rows of <paramref name="batch"/> for which <paramref name="predicate"/> is true, as an exact-length
    /// array (for cold paths that keep the rows, such as HAVING at the coordinator).
    /// </summary>
    public static int[] FilterRows(BoundExpression predicate, ColumnBatch batch)
    {
        var selection = Filter(predicate, batch, Selection.All(batch.RowCount), new SelectionBuffers());
        if (selection.IsAll)
        {
            var all = new int[selection.Count];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = i;
            }

            return all;
        }

        return selection.Rows.ToArray();
    }

    /// <summary>Evaluates an expression that uses no columns (a constant) to a scalar.</summary>
    public static ScalarValue EvaluateConstant(BoundExpression expression)
    {
        var empty = new ColumnBatch(new Schema([]), [], 1);
        return Evaluate(expression, empty).GetScalar(0);
    }

    private sealed class Evaluation(ColumnBatch batch, Selection selection) : IExpressionVisitor<Column>
    {
        public Column VisitColumn(ColumnReference column) =>
            selection.IsAll ? batch.Columns[column.Index] : ColumnGather.Gather(batch.Columns[column.Index], selection.Rows);

        public Column VisitLiteral(Literal literal) => ConstantColumn.Broadcast(literal.Value, selection.Count);

        public Column VisitComparison(ComparisonExpression comparison) =>
            ComparisonKernel.Compare(comparison.Operator, comparison.Left.Accept(this), comparison.Right.Accept(this));

        public Column VisitLogical(LogicalExpression logical) =>
            LogicalKernel.Combine(logical.Operator, (BoolColumn)logical.Left.Accept(this), (BoolColumn)logical.Right.Accept(this));

        public Column VisitNot(NotExpression negation) => LogicalKernel.Not((BoolColumn)negation.Operand.Accept(this));

        public Column VisitIsNull(IsNullExpression isNull) => LogicalKernel.IsNull(isNull.Operand.Accept(this), isNull.Negated);

        public Column VisitInList(InListExpression inList) => InListKernel.Evaluate(inList, inList.Operand.Accept(this));

        public Column VisitCast(CastExpression cast) => CastKernel.Cast(cast.Operand.Accept(this), cast.Type, cast.Try);

        public Column VisitCase(CaseExpression choice) => CaseKernel.Evaluate(choice, batch, selection);

        public Column VisitDistinctFrom(DistinctFromExpression comparison) =>
            CaseKernel.DistinctFrom(comparison, comparison.Left.Accept(this), comparison.Right.Accept(this));

        public Column VisitFunction(FunctionExpression invocation) =>
            invocation.Kernel.Evaluate(new ScalarArguments(invocation.Arguments, batch, selection));
    }
}
