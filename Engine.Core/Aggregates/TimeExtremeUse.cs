namespace Engine.Core.Aggregates;

/// <summary>
/// How an aggregate depends only on the rows at a group's earliest or latest time (see
/// <see cref="AggregateKernel.TimeExtreme"/>).
/// </summary>
/// <param name="TimeArgument">The argument that is the time column.</param>
/// <param name="ValueArgument">The argument whose value is taken at that time, or null when the time itself is the answer.</param>
/// <param name="Latest">True for the latest time (last, max), false for the earliest (first, min).</param>
public sealed record TimeExtremeUse(int TimeArgument, int? ValueArgument, bool Latest);
