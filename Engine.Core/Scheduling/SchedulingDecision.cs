namespace Engine.Core.Scheduling;

/// <summary>How a scheduler decided to run a query's fragments, shown in EXPLAIN and in query statistics.</summary>
/// <param name="Mode">SERIAL, PARTITION, CHUNKED, or a scheduler's own mode name.</param>
/// <param name="Reason">Why, in a sentence that names the numbers that decided it.</param>
/// <param name="Parallelism">Threads or workers used.</param>
/// <param name="Tasks">Units of work after any splitting (fragments or chunks).</param>
/// <param name="Details">After a run, one line per task where the scheduler knows more (for example which worker ran a fragment, after how many attempts, in how long); shown by EXPLAIN ANALYZE.</param>
public sealed record SchedulingDecision(string Mode, string Reason, int Parallelism, int Tasks, IReadOnlyList<string>? Details = null);
