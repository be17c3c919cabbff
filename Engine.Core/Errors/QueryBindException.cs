namespace Engine.Core.Errors;

/// <summary>
/// The query parsed but does not make sense against the catalog: an unknown table or column, a type
/// mismatch, an aggregate where none is allowed, a column that is neither grouped nor aggregated.
/// When the position is known, the message shows it with a caret like a syntax error.
/// </summary>
public sealed class QueryBindException : EngineException
{
    /// <summary>Creates a bind error without a source position.</summary>
    public QueryBindException(string problem) : base(problem)
    {
        Problem = problem;
    }

    /// <summary>Creates a bind error at a 1-based line and column of <paramref name="sql"/>.</summary>
    public QueryBindException(string problem, string sql, int line, int column)
        : base(QueryErrorFormatter.Format("Query error", problem, sql, line, column))
    {
        Problem = problem;
        Line = line;
        Column = column;
    }

    /// <summary>What was wrong, without the position and caret.</summary>
    public string Problem { get; }

    /// <summary>The 1-based line of the offending text, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the offending text, or 0 when unknown.</summary>
    public int Column { get; }
}
