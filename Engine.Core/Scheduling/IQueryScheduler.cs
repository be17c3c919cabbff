using Engine.Core.Execution;
using Engine.Core.Planning;

namespace Engine.Core.Scheduling;

/// <summary>
/// Decides where query fragments run: the executor says what to compute, the scheduler where. Moving from
/// one thread to all cores to many machines is a different implementation of this interface, chosen by
/// configuration (<c>Engine:Scheduler:Kind</c>). Implementations are singletons used by many queries at
/// once and must be thread-safe. Plugins register with <c>AddQueryScheduler&lt;T&gt;("name")</c>.
/// </summary>
public interface IQueryScheduler
{
    /// <summary>The name configuration uses to select this scheduler ("local", "remote", or a plugin's name).</summary>
    string Kind { get; }

    /// <summary>Threads or workers available to run fragments.</summary>
    int WorkerCount { get; }

    /// <summary>
    /// Runs every fragment exactly once and returns their partial results (possibly pre-merged, in any
    /// order). Records its <see cref="SchedulingDecision"/> in <paramref name="context"/>. Throws
    /// <see cref="OperationCanceledException"/> when cancelled, leaving no work running.
    /// </summary>
    ValueTask<IReadOnlyList<PartialAggResult>> ScatterAsync(
        IReadOnlyList<QueryFragment> fragments, QueryContext context, CancellationToken cancellationToken);

    /// <summary>Merges partial results by group key (rows are concatenated).</summary>
    PartialAggResult Gather(IReadOnlyList<PartialAggResult> partials) => PartialAggMerger.Merge(partials);

    /// <summary>Says how <see cref="ScatterAsync"/> would run <paramref name="fragments"/>, without running them (for EXPLAIN).</summary>
    SchedulingDecision Describe(IReadOnlyList<QueryFragment> fragments) =>
        new(Kind.ToUpperInvariant(), $"the {Kind} scheduler does not describe its plan", WorkerCount, fragments.Count);
}
