using Engine.Bench.Queries;
using Engine.Core.Generators;

namespace Engine.Bench.Runner;

/// <summary>
/// The built-in queries of the runner, by id: the trades queries Q1–Q6 (<see cref="TradesQueries"/>) on a trades
/// data set, the TSBS cpu shapes (<see cref="TsbsQueries"/>, ids such as <c>single-groupby-1-1-1</c> or
/// <c>lastpoint</c>) on a cpu data set. Both sets are the ones the differential tests check against DuckDB.
/// </summary>
public static class StandardQueries
{
    /// <summary>The queries of the data set <paramref name="spec"/> names, in their canonical order.</summary>
    public static IReadOnlyList<BenchQuery> For(DataSetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var queries = spec.Cpu is { } cpu ? TsbsQueries.Create(cpu) : TradesQueries.Create(spec.Trades!);
        return [.. queries.Select(q => new BenchQuery(q.Name, q.EngineSql, q.DuckDbSql))];
    }

    /// <summary>The trades queries Q1–Q6 for the data <paramref name="options"/> generates, by id (any case).</summary>
    public static IReadOnlyDictionary<string, BenchQuery> Create(TradesOptions options) =>
        For(DataSetSpec.ForTrades(options)).ToDictionary(q => q.Id, StringComparer.OrdinalIgnoreCase);
}
