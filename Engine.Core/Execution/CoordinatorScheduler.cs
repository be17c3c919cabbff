using Engine.Core.Planning;
using Engine.Core.Scheduling;

namespace Engine.Core.Execution;

/// <summary>
/// Runs the fragments of a query block over rows the coordinator already holds (a derived table, a common
/// table expression, the rows of a set operation): one session on the calling thread, no hop. The outer
/// blocks of a query run here; the blocks that read tables run on the configured scheduler.
/// </summary>
internal sealed class CoordinatorScheduler : IQueryScheduler
{
    /// <summary>The mode name shown in EXPLAIN for blocks run here.</summary>
    public const string Mode = "COORDINATOR";

    public static CoordinatorScheduler Instance { get; } = new();

    public string Kind => "coordinator";

    public int WorkerCount => 1;

    public async ValueTask<ScatterResult> ScatterAsync(IReadOnlyList<QueryFragment> fragments, QueryContext context, CancellationToken cancellationToken)
    {
        var decision = Describe(fragments);
        if (fragments.Count == 0)
        {
            return new ScatterResult([], decision);
        }

        using var session = new FragmentExecutor(context.Reader).Begin(fragments[0].Plan);
        foreach (var fragment in fragments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await session.AddAsync(fragment, cancellationToken).ConfigureAwait(false);
        }

        return new ScatterResult([session.ToPartial()], decision);
    }

    public SchedulingDecision Describe(IReadOnlyList<QueryFragment> fragments) =>
        new(Mode, "an outer query block over rows the coordinator holds", 1, fragments.Count);
}
