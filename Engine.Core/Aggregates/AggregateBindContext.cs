using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;

namespace Engine.Core.Aggregates;

/// <summary>
/// What <see cref="AggregateFunction.Bind"/> sees of a call: the bound arguments (which it may cast,
/// replace or extend), the table's time column for aggregates that order by time, and a way to report a
/// misuse at the call's place in the SQL text. One per call being bound; not thread-safe.
/// </summary>
public sealed class AggregateBindContext
{
    private readonly List<BoundExpression> _arguments;
    private readonly Func<int, string, QueryBindException>? _error;
    private readonly Func<BoundExpression?>? _timeColumn;

    /// <summary>
    /// Creates a context for a call named <paramref name="name"/>. <paramref name="timeColumn"/> gives the
    /// table's time column when an aggregate asks for it (null when the table has none, or on a worker,
    /// where calls arrive with every argument explicit); asking may add the column to the scan. <paramref name="error"/> makes the exception for a message about argument i (-1 for the
    /// whole call) with the SQL position when the caller knows it. <paramref name="tableName"/> is for messages.
    /// </summary>
    public AggregateBindContext(
        string name,
        IReadOnlyList<BoundExpression> arguments,
        Func<BoundExpression?>? timeColumn = null,
        Func<int, string, QueryBindException>? error = null,
        string? tableName = null)
    {
        Name = name;
        _arguments = [.. arguments];
        _timeColumn = timeColumn;
        _error = error;
        TableName = tableName;
    }

    /// <summary>The table the query reads, for messages; null when unknown (on a worker).</summary>
    public string? TableName { get; }

    /// <summary>The name the call was written with.</summary>
    public string Name { get; }

    /// <summary>The arguments, with any changes made so far.</summary>
    public IReadOnlyList<BoundExpression> Arguments => _arguments;

    /// <summary>The number of arguments.</summary>
    public int Count => _arguments.Count;

    /// <summary>The table's time column as an expression, or null when there is none.</summary>
    public BoundExpression? TimeColumn => _timeColumn?.Invoke();

    /// <summary>The type of argument <paramref name="index"/>.</summary>
    public DataType TypeOf(int index) => _arguments[index].Type;

    /// <summary>True with the value when argument <paramref name="index"/> is a constant.</summary>
    public bool TryGetConstant(int index, out ScalarValue value)
    {
        if (_arguments[index] is Literal literal)
        {
            value = literal.Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Appends an argument the call leaves implicit (the time column of first/last), so every binding after this one sees it.</summary>
    public void Add(BoundExpression argument) => _arguments.Add(argument);

    /// <summary>Converts argument <paramref name="index"/> to <paramref name="type"/> when it is not of it already.</summary>
    public void Cast(int index, DataType type)
    {
        var argument = _arguments[index];
        if (argument.Type != type)
        {
            _arguments[index] = argument is Literal { Value.IsNull: true } ? new Literal(ScalarValue.Null(type)) : new CastExpression(argument, type);
        }
    }

    /// <summary>Throws unless the call has between <paramref name="min"/> and <paramref name="max"/> arguments.</summary>
    public void RequireCount(int min, int max)
    {
        if (_arguments.Count < min || _arguments.Count > max)
        {
            var expected = min == max ? $"{min}" : $"{min} or {max}";
            throw Error($"{Name}() takes {expected} argument(s), got {_arguments.Count}");
        }
    }

    /// <summary>Throws unless argument <paramref name="index"/> is a number (BIGINT or DOUBLE).</summary>
    public void RequireNumeric(int index)
    {
        var type = TypeOf(index);
        if (!type.IsNumeric())
        {
            throw Error(index, $"{Name}() needs a numeric argument (BIGINT or DOUBLE), got {type.SqlName()}");
        }
    }

    /// <summary>The error for a misuse of the whole call.</summary>
    public QueryBindException Error(string message) => Error(-1, message);

    /// <summary>The error for a misuse of argument <paramref name="index"/>, placed at it when the position is known.</summary>
    public QueryBindException Error(int index, string message) => _error?.Invoke(index, message) ?? new QueryBindException(message);
}
