using Engine.Core.Errors;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// The mapping between exceptions and <see cref="ErrorCode"/>s: the worker picks the code of what a fragment
/// threw, the coordinator turns a code and its message back into the exception type the local scheduler
/// would have thrown, and decides by the code whether the fragment may run elsewhere. Stateless.
/// </summary>
internal static class ErrorCodes
{
    /// <summary>The highest code this protocol version defines.</summary>
    public const ErrorCode Highest = ErrorCode.Internal;

    /// <summary>The code for <paramref name="error"/>; anything that is not a typed query or data error is <see cref="ErrorCode.Internal"/>.</summary>
    public static ErrorCode For(Exception error) => error switch
    {
        QuerySyntaxException => ErrorCode.Syntax,
        QueryBindException => ErrorCode.Bind,
        UnsupportedFeatureException => ErrorCode.Unsupported,
        QueryExecutionException => ErrorCode.Execution,
        CorruptDataException => ErrorCode.CorruptData,
        StorageException => ErrorCode.Storage,
        DataMismatchException => ErrorCode.DataMismatch,
        ResourceLimitException => ErrorCode.ResourceLimit,
        OperationCanceledException => ErrorCode.Cancelled,
        _ => ErrorCode.Internal,
    };

    /// <summary>Whether a fragment that failed with <paramref name="code"/> may succeed on another worker (its storage, its shutdown).</summary>
    public static bool RunsElsewhere(ErrorCode code) => code is ErrorCode.Storage or ErrorCode.Cancelled;

    /// <summary>The exception type a code stands for, as shown in retry histories.</summary>
    public static string TypeName(ErrorCode code) => code switch
    {
        ErrorCode.Syntax => nameof(QuerySyntaxException),
        ErrorCode.Bind => nameof(QueryBindException),
        ErrorCode.Unsupported => nameof(UnsupportedFeatureException),
        ErrorCode.Execution => nameof(QueryExecutionException),
        ErrorCode.CorruptData => nameof(CorruptDataException),
        ErrorCode.Storage => nameof(StorageException),
        ErrorCode.DataMismatch => nameof(DataMismatchException),
        ErrorCode.ResourceLimit => nameof(ResourceLimitException),
        ErrorCode.Cancelled => "Cancelled",
        _ => "InternalError",
    };

    /// <summary>
    /// The exception the coordinator throws for a worker's error: the local scheduler's type with the worker's
    /// message, or a <see cref="RemoteWorkerException"/> naming <paramref name="worker"/> for an internal error
    /// or a cancellation.
    /// </summary>
    public static EngineException ToException(ErrorCode code, string message, string worker, int fragmentId) => code switch
    {
        ErrorCode.Syntax => new QuerySyntaxException(message),
        ErrorCode.Bind => new QueryBindException(message),
        ErrorCode.Unsupported => UnsupportedFeatureException.FromMessage(message),
        ErrorCode.Execution => new QueryExecutionException(message),
        ErrorCode.CorruptData => new CorruptDataException(message),
        ErrorCode.Storage => new StorageException(message),
        ErrorCode.DataMismatch => DataMismatchException.FromMessage(message, string.Empty, string.Empty, worker),
        ErrorCode.ResourceLimit => new ResourceLimitException(message),
        ErrorCode.Cancelled => new RemoteWorkerException($"Worker {worker} cancelled fragment {fragmentId}: {message}"),
        _ => new RemoteWorkerException($"Worker {worker} failed fragment {fragmentId} with an internal error: {message}"),
    };
}
