namespace Engine.Bench.Queries;

/// <summary>
/// One query written in both dialects: Engine SQL and the DuckDB SQL that means the same (first/last as
/// arg_min/arg_max over the time column, vwap spelled out, INTERVAL and TIMESTAMP literals, DOUBLE casts).
/// </summary>
/// <param name="Name">A short label for messages (e.g. <c>Q3</c>, <c>single-groupby-1-1-1</c>, <c>random-17</c>).</param>
/// <param name="EngineSql">The query in Engine's dialect.</param>
/// <param name="DuckDbSql">The same query in DuckDB's dialect.</param>
/// <param name="Ordered">True when ORDER BY fixes the row order completely, so results compare row by row; otherwise both sides are sorted first.</param>
public sealed record DifferentialQuery(string Name, string EngineSql, string DuckDbSql, bool Ordered)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}: {EngineSql}";
}
