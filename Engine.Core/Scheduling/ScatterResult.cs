using Engine.Core.Execution;

namespace Engine.Core.Scheduling;

/// <summary>What <see cref="IQueryScheduler.ScatterAsync"/> returns: the partials and how the fragments were run.</summary>
/// <param name="Partials">The partial results (any number, any order; none when nothing ran).</param>
/// <param name="Decision">The scheduling decision of this run.</param>
public sealed record ScatterResult(IReadOnlyList<PartialResult> Partials, SchedulingDecision Decision);
