using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Expressions;

namespace Engine.Core.Functions;

/// <summary>
/// The arguments of one evaluation of a <see cref="ScalarKernel"/>: each is evaluated when asked for, so a
/// kernel that needs only some of them (or that took a constant at bind time) pays for no others. Valid
/// only during the <see cref="ScalarKernel.Evaluate"/> call it is passed to.
/// </summary>
public readonly struct ScalarArguments
{
    private readonly IReadOnlyList<BoundExpression> _arguments;
    private readonly ColumnBatch _batch;
    private readonly Selection _selection;

    internal ScalarArguments(IReadOnlyList<BoundExpression> arguments, ColumnBatch batch, Selection selection)
    {
        _arguments = arguments;
        _batch = batch;
        _selection = selection;
    }

    /// <summary>The number of arguments.</summary>
    public int Count => _arguments.Count;

    /// <summary>The number of rows to compute.</summary>
    public int RowCount => _selection.Count;

    /// <summary>Argument <paramref name="index"/> evaluated over the rows, densely (<see cref="RowCount"/> rows); each call evaluates it again.</summary>
    public Column Evaluate(int index) => ExpressionEvaluator.Evaluate(_arguments[index], _batch, _selection);
}
