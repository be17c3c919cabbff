using Engine.Core.Columns;
using Engine.Core.Planning;

namespace Engine.Core.Execution;

/// <summary>
/// The coordinator's last step: finalize aggregate states, apply HAVING, compute the SELECT list, order,
/// limit, and drop the hidden ORDER BY columns (see <see cref="BoundQuery"/>).
/// </summary>
internal static class FinalStage
{
    public static ColumnBatch Apply(BoundQuery query, PartialAggResult merged)
    {
        ColumnBatch post;
        if (merged.IsAggregate)
        {
            var columns = PartialAggMerger.Finalize(merged);
            var fields = columns.Select((c, i) => new Field($"p{i}", c.Type)).ToArray();
            post = new ColumnBatch(new Schema(fields), columns, merged.GroupCount);
        }
        else
        {
            post = merged.Rows!;
        }

        var selection = query.Having is null ? null : ExpressionEvaluator.Filter(query.Having, post, null);
        var count = selection?.Length ?? post.RowCount;
        var expressions = query.Outputs.Concat(query.HiddenOrderColumns).ToArray();
        var output = new Column[expressions.Length];
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = ExpressionEvaluator.Evaluate(expressions[i], post, selection);
        }

        var schema = query.OutputSchema;
        var allFields = schema.Fields.Concat(query.HiddenOrderColumns.Select((h, i) => new Field($"__order{i}", h.Type))).ToArray();
        var all = new ColumnBatch(new Schema(allFields), output, count);
        if (query.Order.Count > 0 || (query.Limit is { } limit && limit < count))
        {
            all = RowSorter.Take(all, RowSorter.Order(all, query.Order, query.Limit));
        }

        return new ColumnBatch(schema, all.Columns.Take(schema.Count).ToArray(), all.RowCount);
    }
}
