namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// What kind of failure an <see cref="ErrorMessage"/> reports. Values are part of the wire format; the
/// coordinator maps each back to the exception type the local scheduler throws for it (see
/// <see cref="ErrorCodes"/>) and decides from it alone whether another worker may succeed.
/// </summary>
internal enum ErrorCode
{
    /// <summary>SQL text did not parse (<see cref="Engine.Core.Errors.QuerySyntaxException"/>).</summary>
    Syntax = 1,

    /// <summary>The fragment does not bind: a column, type or function that does not fit (<see cref="Engine.Core.Errors.QueryBindException"/>).</summary>
    Bind = 2,

    /// <summary>A feature the worker does not have (<see cref="Engine.Core.Errors.UnsupportedFeatureException"/>).</summary>
    Unsupported = 3,

    /// <summary>The query failed on valid data, e.g. an overflow (<see cref="Engine.Core.Errors.QueryExecutionException"/>).</summary>
    Execution = 4,

    /// <summary>Stored bytes do not follow their format (<see cref="Engine.Core.Errors.CorruptDataException"/>).</summary>
    CorruptData = 5,

    /// <summary>The worker's storage failed or lacks the partition (<see cref="Engine.Core.Errors.StorageException"/>); another worker may succeed.</summary>
    Storage = 6,

    /// <summary>The worker holds other data than the coordinator planned against (<see cref="Engine.Core.Errors.DataMismatchException"/>).</summary>
    DataMismatch = 7,

    /// <summary>The fragment exceeds a configured limit of the worker (<see cref="Engine.Core.Errors.ResourceLimitException"/>).</summary>
    ResourceLimit = 8,

    /// <summary>The worker stopped the fragment (it is shutting down); another worker may run it.</summary>
    Cancelled = 9,

    /// <summary>A defect on the worker; it logged the stack trace. Never retried.</summary>
    Internal = 10,
}
