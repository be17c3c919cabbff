namespace Engine.Core.Errors;

/// <summary>
/// A well-formed query failed while running on valid data, for example an integer overflow in
/// <c>sum</c> or arithmetic, as DuckDB and PostgreSQL also report.
/// </summary>
public sealed class QueryExecutionException : EngineException
{
    /// <summary>Creates an execution error with a message that names the operation and the values.</summary>
    public QueryExecutionException(string message) : base(message)
    {
    }
}
