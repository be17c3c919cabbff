using Engine.Core.Execution;
using Engine.Core.Planning;

namespace Engine.Core.Scheduling;

/// <summary>
/// Decides where query fragments run: the executor says what to compute, the scheduler where. Moving from
/// one thread to all cores to many machines is a different implementation of this interface, chosen by
/// configuration (<c>Engine:Scheduler:Kind</c>). Plugins register with <c>AddQueryScheduler&lt;T&gt;("name")</c>.
/// </summary>
/// <remarks>
/// Implementations are singletons used by many queries at once and must be thread-safe. The executor calls
/// <see cref="ScatterAsync"/> once per query run (also for a plan with no fragments), then
/// <see cref="Gather"/> on the coordinator with what it returned.
/// </remarks>
public interface IQueryScheduler
{
    /// <summary>The name configuration uses to select this scheduler ("local", "remote", or a plugin's name).</summary>
    string Kind { get; }

    /// <summary>Threads or workers available to run fragments.</summary>
    int WorkerCount { get; }

    /// <summary>
    /// Runs every fragment exactly once and returns their partial results (possibly pre-merged, in any
    /// order, possibly none when there was nothing to run) with the decision of how they were run.
    /// </summary>
    /// <param name="fragments">The fragments of one query, all of one plan; may be empty.</param>
    /// <param name="context">The query's identity and this node's partition reader.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The partials and the <see cref="SchedulingDecision"/>, which EXPLAIN ANALYZE and the statistics show.</returns>
    /// <exception cref="OperationCanceledException">The token fired; no work is left running.</exception>
    /// <exception cref="Errors.EngineException">A fragment failed (the same types the local scheduler throws).</exception>
    ValueTask<ScatterResult> ScatterAsync(IReadOnlyList<QueryFragment> fragments, QueryContext context, CancellationToken cancellationToken);

    /// <summary>Merges partial results of one query (groups by key, rows concatenated); called with at least one partial.</summary>
    /// <exception cref="ArgumentException">The partials are of different kinds or shapes.</exception>
    PartialResult Gather(IReadOnlyList<PartialResult> partials) => PartialMerger.Merge(partials);

    /// <summary>Says how <see cref="ScatterAsync"/> would run <paramref name="fragments"/>, without running them (for EXPLAIN).</summary>
    /// <returns>The decision a run would make now.</returns>
    SchedulingDecision Describe(IReadOnlyList<QueryFragment> fragments) =>
        new(Kind.ToUpperInvariant(), $"the {Kind} scheduler does not describe its plan", WorkerCount, fragments.Count);
}
