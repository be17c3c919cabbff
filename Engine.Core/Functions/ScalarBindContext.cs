using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;

namespace Engine.Core.Functions;

/// <summary>
/// What <see cref="ScalarFunction.Bind"/> sees of a call: the bound arguments (whose types and constants it
/// checks, and which it may cast or replace), and a way to report a misuse at the call's place in the SQL
/// text. One per call being bound; not thread-safe.
/// </summary>
public sealed class ScalarBindContext
{
    private readonly BoundExpression[] _arguments;
    private readonly Func<int, string, QueryBindException>? _error;

    /// <summary>
    /// Creates a context for a call named <paramref name="name"/> with <paramref name="arguments"/>.
    /// <paramref name="error"/> makes the exception for a message about argument i (-1 for the whole call),
    /// with the SQL position when the caller knows it; without it the exceptions carry no position.
    /// </summary>
    public ScalarBindContext(string name, IReadOnlyList<BoundExpression> arguments, Func<int, string, QueryBindException>? error = null)
    {
        Name = name;
        _arguments = [.. arguments];
        _error = error;
    }

    /// <summary>The name the call was written with.</summary>
    public string Name { get; }

    /// <summary>
    /// The statement's clock reading, in microseconds since 1970-01-01 UTC: one value for every call of the
    /// statement, in every query block, taken when the statement began to bind. What
    /// <see cref="FunctionVolatility.Stable"/> functions such as now() return; null where no statement is
    /// being bound (a worker binding a fragment, whose stable calls were already folded into constants).
    /// </summary>
    public long? StatementTimestamp { get; init; }

    /// <summary>The arguments, with any casts and replacements made so far.</summary>
    public IReadOnlyList<BoundExpression> Arguments => _arguments;

    /// <summary>The number of arguments.</summary>
    public int Count => _arguments.Length;

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

    /// <summary>Replaces argument <paramref name="index"/> (a constant in a canonical form, say).</summary>
    public void Replace(int index, BoundExpression replacement) => _arguments[index] = replacement;

    /// <summary>Converts argument <paramref name="index"/> to <paramref name="type"/> when it is not of it already.</summary>
    public void Cast(int index, DataType type)
    {
        var argument = _arguments[index];
        if (argument.Type == type)
        {
            return;
        }

        _arguments[index] = argument is Literal { Value.IsNull: true } ? new Literal(ScalarValue.Null(type)) : new CastExpression(argument, type);
    }

    /// <summary>Throws unless the call has between <paramref name="min"/> and <paramref name="max"/> arguments.</summary>
    public void RequireCount(int min, int max, string signature)
    {
        if (_arguments.Length < min || _arguments.Length > max)
        {
            var expected = min == max ? $"{min}" : $"{min} to {max}";
            throw Error($"{signature} takes {expected} argument(s), got {_arguments.Length}");
        }
    }

    /// <summary>The error for a misuse of the whole call.</summary>
    public QueryBindException Error(string message) => Error(-1, message);

    /// <summary>The error for a misuse of argument <paramref name="index"/>, placed at it when the position is known.</summary>
    public QueryBindException Error(int index, string message) => _error?.Invoke(index, message) ?? new QueryBindException(message);
}
