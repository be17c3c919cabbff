using System.Runtime.CompilerServices;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;
using Engine.Core.Pipelines;
using Engine.Core.Planning;

namespace Engine.Schedulers.Remote.Worker;

/// <summary>
/// Checks a decoded fragment against the worker's own catalog and limits before a slot is taken or a row
/// is read, so that no fragment reaches the executor to fail inside it:
/// <list type="bullet">
/// <item>more scans, IN-list values or group keys than <see cref="WorkerOptions"/> allows: <see cref="ResourceLimitException"/>;</item>
/// <item>a scan of another table or other columns than the plan's scan fields, a column reference past its
/// input or of another type, operands whose types do not fit their operator (a non-BOOLEAN filter, an IN
/// list of another type, a comparison of a number with text), a sink whose columns do not fit its input:
/// <see cref="QueryBindException"/> saying what was wrong;</item>
/// <item>a partition this worker does not have: <see cref="StorageException"/> (another worker may hold it);</item>
/// <item>a scan column missing here or of another type, a partition whose row count, size, version or
/// generator spec differs from what the coordinator planned against, a row range outside the partition:
/// <see cref="DataMismatchException"/> naming the table, the partition, this worker and what differed.</item>
/// </list>
/// Functions and aggregates the worker lacks are refused earlier, while the fragment is decoded
/// (<see cref="UnsupportedFeatureException"/>). Thread-safe; partition lookups are indexed once per table version.
/// </summary>
internal sealed class FragmentValidator
{
    private readonly ITableCatalog _catalog;
    private readonly WorkerOptions _options;
    private readonly ConditionalWeakTable<TableInfo, Dictionary<string, PartitionInfo>> _partitions = [];

    public FragmentValidator(ITableCatalog catalog, WorkerOptions options)
    {
        _catalog = catalog;
        _options = options;
    }

    private string Worker => _options.NodeName;

    /// <summary>Throws the typed error of the first problem of <paramref name="fragment"/>; returns when it may run.</summary>
    public async ValueTask ValidateAsync(QueryFragment fragment, CancellationToken cancellationToken)
    {
        Limit("partition scans in a fragment", fragment.Scans.Count, _options.MaxScansPerFragment);
        var plan = fragment.Plan;
        var input = SchemaOf(plan.ScanFields, "the scan");
        ValidatePipeline(plan, input);
        foreach (var scan in fragment.Scans)
        {
            if (!string.Equals(scan.Table, plan.Table, StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid($"a scan of table '{scan.Table}' in a plan over table '{plan.Table}'");
            }

            if (!scan.Columns.SequenceEqual(plan.ScanFields.Select(f => f.Name), StringComparer.Ordinal))
            {
                throw Invalid($"a scan of columns ({string.Join(", ", scan.Columns)}) in a plan that scans ({string.Join(", ", plan.ScanFields.Select(f => f.Name))})");
            }

            var table = await _catalog.FindTableAsync(scan.Table, cancellationToken).ConfigureAwait(false)
                ?? throw new StorageException(scan.PartitionId, 1, $"worker {Worker} has no table '{scan.Table}'");
            var partitions = _partitions.GetValue(table, t => t.Partitions.ToDictionary(p => p.Id, StringComparer.Ordinal));
            if (!partitions.TryGetValue(scan.PartitionId, out var partition))
            {
                throw new StorageException(scan.PartitionId, 1, $"worker {Worker} has no partition '{scan.PartitionId}' in table '{table.Name}'");
            }

            foreach (var field in plan.ScanFields)
            {
                var index = table.Schema.IndexOf(field.Name);
                if (index < 0 || table.Schema[index].Type != field.Type)
                {
                    throw new DataMismatchException(table.Name, partition.Id, Worker, index < 0
                        ? $"column '{field.Name}' ({field.Type.SqlName()}) planned, no such column here"
                        : $"column '{field.Name}' is {table.Schema[index].Type.SqlName()} here, {field.Type.SqlName()} planned");
                }
            }

            if (scan.Expected is { } expected && partition.Identity.DifferenceFrom(expected) is { } difference)
            {
                throw new DataMismatchException(table.Name, partition.Id, Worker, difference);
            }

            // RowStart and RowCount are non-negative and their sum fits (the codec checks), so this cannot overflow.
            if (scan.RowCount > partition.RowCount || scan.RowStart > partition.RowCount - scan.RowCount)
            {
                throw new DataMismatchException(table.Name, partition.Id, Worker,
                    $"the scan reads rows {scan.RowStart} to {scan.RowStart + scan.RowCount} but the partition has {partition.RowCount} rows here");
            }
        }
    }

    private static QueryBindException Invalid(string problem) => new($"Invalid fragment: {problem}.");

    private static Schema SchemaOf(IReadOnlyList<Field> fields, string what)
    {
        try
        {
            return new Schema(fields);
        }
        catch (ArgumentException ex)
        {
            throw Invalid($"{what} has an impossible schema: {ex.Message}");
        }
    }

    private static void Limit(string what, long requested, long maximum)
    {
        if (requested > maximum)
        {
            throw new ResourceLimitException(what, requested, maximum);
        }
    }

    private void ValidatePipeline(FragmentPlan plan, Schema input)
    {
        foreach (var step in plan.Operators)
        {
            switch (step)
            {
                case FilterOperator filter:
                    Expression(filter.Predicate, input, "the filter");
                    Require(filter.Predicate.Type == DataType.Bool, $"the filter is {filter.Predicate.Type.SqlName()}, not BOOLEAN");
                    break;
                case ProjectOperator project:
                    foreach (var expression in project.Expressions)
                    {
                        Expression(expression, input, "a projection");
                    }

                    input = SchemaOf([.. project.Expressions.Select((e, i) => new Field(project.Names[i], e.Type))], "a projection");
                    break;
                default:
                    throw Invalid($"the {step.Name} operator does not run inside a fragment");
            }
        }

        switch (plan.Sink)
        {
            case AggregateSink aggregate:
                Limit("group keys", aggregate.GroupKeys.Count, _options.MaxGroupKeys);
                foreach (var key in aggregate.GroupKeys)
                {
                    Expression(key, input, "a group key");
                }

                foreach (var call in aggregate.Aggregates)
                {
                    foreach (var argument in call.Arguments)
                    {
                        Expression(argument, input, $"an argument of {call.Function.Name}");
                    }

                    if (call.Filter is { } condition)
                    {
                        Expression(condition, input, $"the FILTER of {call.Function.Name}");
                    }
                }

                break;
            case CollectSink collect:
                Require(collect.Rows.Count == input.Count && collect.Rows.Fields.Select(f => f.Type).SequenceEqual(input.Fields.Select(f => f.Type)),
                    $"the collected rows ({collect.Rows}) do not fit the pipeline's output ({input})");
                break;
            default:
                throw Invalid($"the {plan.Sink.Name} sink does not run inside a fragment");
        }
    }

    // The comparison kernels compare equal physical kinds, and integers with doubles.
    private static bool Comparable(DataType left, DataType right) =>
        left.Physical == right.Physical || (IsNumber(left) && IsNumber(right));

    private static bool IsNumber(DataType type) => type.Physical is PhysicalKind.Int64 or PhysicalKind.Double;

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw Invalid(problem);
        }
    }

    private void Expression(BoundExpression expression, Schema input, string where)
    {
        switch (expression)
        {
            case ColumnReference column:
                Require(column.Index < input.Count, $"{where} reads column #{column.Index}, past the {input.Count} input column(s)");
                Require(input[column.Index].Type == column.Type,
                    $"{where} reads column #{column.Index} ({input[column.Index].Name}) as {column.Type.SqlName()}, but it is {input[column.Index].Type.SqlName()}");
                break;
            case ComparisonExpression comparison:
                Require(Comparable(comparison.Left.Type, comparison.Right.Type),
                    $"{where} compares {comparison.Left.Type.SqlName()} with {comparison.Right.Type.SqlName()}");
                break;
            case DistinctFromExpression distinct:
                Require(Comparable(distinct.Left.Type, distinct.Right.Type),
                    $"{where} compares {distinct.Left.Type.SqlName()} with {distinct.Right.Type.SqlName()}");
                break;
            case LogicalExpression logical:
                Require(logical.Left.Type == DataType.Bool && logical.Right.Type == DataType.Bool,
                    $"{where} combines {logical.Left.Type.SqlName()} and {logical.Right.Type.SqlName()} with {logical.Operator}");
                break;
            case NotExpression negation:
                Require(negation.Operand.Type == DataType.Bool, $"{where} negates a {negation.Operand.Type.SqlName()}");
                break;
            case InListExpression inList:
                Limit("values in an IN list", inList.Values.Count, _options.MaxInListValues);
                foreach (var value in inList.Values)
                {
                    Require(value.IsNull || value.Type.Physical == inList.Operand.Type.Physical,
                        $"{where} looks for a {value.Type.SqlName()} in a {inList.Operand.Type.SqlName()}");
                }

                break;
        }

        foreach (var child in expression.Children)
        {
            Expression(child, input, where);
        }
    }
}
