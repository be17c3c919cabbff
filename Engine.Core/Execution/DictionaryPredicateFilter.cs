using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Core.Functions.Scalar.Text;

namespace Engine.Core.Execution;

/// <summary>
/// A text predicate over one VARCHAR column with constant other arguments (<c>symbol LIKE 'S00%'</c>,
/// <c>NOT starts_with(host, 'db')</c>, <c>regexp_matches(s, '…')</c>) written straight into a selection: the
/// predicate is decided once per dictionary entry (and kept while morsels share the dictionary), then each
/// selected row only looks its code up. No gather of the column, no boolean column. NULL rows and NULL
/// results never match, as in the general evaluator.
/// </summary>
internal static class DictionaryPredicateFilter
{
    /// <summary>The selected rows, or null when <paramref name="predicate"/> is not such a predicate (use the general path).</summary>
    public static Selection? TryFilter(BoundExpression predicate, ColumnBatch batch, Selection selection, SelectionBuffers buffers)
    {
        var negated = false;
        if (predicate is NotExpression not)
        {
            negated = true;
            predicate = not.Operand;
        }

        if (predicate is not FunctionExpression { Kernel: TextKernel { ResultType.Id: TypeId.Bool, DictionaryArgument: >= 0 } kernel } call ||
            call.Arguments[kernel.DictionaryArgument] is not ColumnReference reference ||
            batch.Columns[reference.Index] is not StringColumn column ||
            !TextKernel.PerEntryPays(column.Dictionary.Count, selection.Count))
        {
            return null;
        }

        var truth = kernel.TruthFor(column.Dictionary);
        var wanted = negated ? TextKernel.False : TextKernel.True;
        var codes = column.Codes;
        var count = selection.Count;
        var selected = buffers.Next(count);
        var n = 0;
        if (!column.HasNulls)
        {
            for (var i = 0; i < count; i++)
            {
                var row = selection[i];
                selected[n] = row;
                n += truth[codes[row]] == wanted ? 1 : 0;
            }

            return Selection.Of(selected, n);
        }

        for (var i = 0; i < count; i++)
        {
            var row = selection[i];
            if (!column.IsNull(row) && truth[codes[row]] == wanted)
            {
                selected[n++] = row;
            }
        }

        return Selection.Of(selected, n);
    }
}
