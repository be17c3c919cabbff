namespace Engine.Bench.Runner;

/// <summary>One query of a comparison run, in Engine's dialect and (when known) DuckDB's.</summary>
/// <param name="Id">The id used on the command line and in the JSON output (e.g. <c>Q3</c>).</param>
/// <param name="EngineSql">The text Engine runs.</param>
/// <param name="DuckDbSql">The same query in DuckDB's dialect, or null for user SQL given only in Engine's.</param>
public sealed record BenchQuery(string Id, string EngineSql, string? DuckDbSql);
