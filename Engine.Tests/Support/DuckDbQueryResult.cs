using Engine.Core.Columns;

namespace Engine.Tests.Support;

/// <summary>
/// What DuckDB answered to one query of a <see cref="DuckDbOracle"/> run: the column names and DuckDB type
/// names, and the rows converted to Engine scalars (integers as BIGINT, DOUBLE and DECIMAL as DOUBLE,
/// TIMESTAMP and DATE as TIMESTAMP microseconds, BOOLEAN, VARCHAR; anything else as its text) — or the error.
/// </summary>
public sealed class DuckDbQueryResult
{
    /// <summary>Creates a result; <paramref name="error"/> is null when the query succeeded.</summary>
    public DuckDbQueryResult(string sql, IReadOnlyList<string> columns, IReadOnlyList<string> types, IReadOnlyList<ScalarValue[]> rows, string? error)
    {
        Sql = sql;
        Columns = columns;
        Types = types;
        Rows = rows;
        Error = error;
    }

    /// <summary>The DuckDB SQL that was run.</summary>
    public string Sql { get; }

    /// <summary>Output column names as DuckDB reports them.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Output column types as DuckDB names them (BIGINT, HUGEINT, DOUBLE, TIMESTAMP, …).</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>The rows, one scalar per column.</summary>
    public IReadOnlyList<ScalarValue[]> Rows { get; }

    /// <summary>DuckDB's error message, or null when the query succeeded.</summary>
    public string? Error { get; }

    /// <summary>True when the query succeeded.</summary>
    public bool Succeeded => Error is null;
}
