namespace Engine.Core.Errors;

/// <summary>
/// The SQL text could not be parsed. <see cref="Exception.Message"/> names the problem, the 1-based line
/// and column, and shows the offending line with a caret under the position.
/// </summary>
public sealed class QuerySyntaxException : EngineException
{
    /// <summary>Creates a syntax error at a 1-based line and column of <paramref name="sql"/>.</summary>
    public QuerySyntaxException(string problem, string sql, int line, int column)
        : base(QueryErrorFormatter.Format("Syntax error", problem, sql, line, column))
    {
        Problem = problem;
        Line = line;
        Column = column;
    }

    /// <summary>Creates an error that carries a message formatted on another node (a remote worker); the position is unknown.</summary>
    internal QuerySyntaxException(string message) : base(message)
    {
        Problem = message;
    }

    /// <summary>What was wrong, without the position and caret.</summary>
    public string Problem { get; }

    /// <summary>The 1-based line of the offending text.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the offending text.</summary>
    public int Column { get; }
}
