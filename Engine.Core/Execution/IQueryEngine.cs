using Engine.Core.Catalog;

namespace Engine.Core.Execution;

/// <summary>
/// The entry point host apps use: SQL in, rows out. Registered by <c>services.AddEngine(…)</c>; the
/// configured <c>IQueryScheduler</c> decides where fragments run. Thread-safe: many queries may run at
/// once. Every method honours its cancellation token and fails with an <c>EngineException</c> subtype
/// on bad input.
/// </summary>
public interface IQueryEngine
{
    /// <summary>The catalog queries are bound against.</summary>
    ITableCatalog Catalog { get; }

    /// <summary>Runs <paramref name="sql"/> and returns the whole result.</summary>
    Task<QueryResult> QueryAsync(string sql, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="sql"/> and streams rows to the caller as they are produced.</summary>
    IAsyncEnumerable<ResultRow> StreamAsync(string sql, CancellationToken cancellationToken = default);

    /// <summary>Plans <paramref name="sql"/> without running it and describes the plan, fragments and scheduling mode.</summary>
    Task<string> ExplainAsync(string sql, CancellationToken cancellationToken = default);
}
