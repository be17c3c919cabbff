using Engine.Core.Execution;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>What a worker answered for one fragment: a partial, or the error code and message of an Error.</summary>
/// <param name="Partial">The partial result, when the worker sent a Result.</param>
/// <param name="ErrorCode">The Error's code, when the worker sent an Error.</param>
/// <param name="ErrorMessage">The Error's message, when the worker sent an Error.</param>
internal sealed record FragmentOutcome(PartialResult? Partial, ErrorCode? ErrorCode, string? ErrorMessage);
