namespace Engine.Core.Functions;

/// <summary>How a scalar function's value may change, which decides whether calls with constant arguments fold before planning.</summary>
public enum FunctionVolatility
{
    /// <summary>The same arguments always give the same value (abs, +): constant calls fold.</summary>
    Immutable,

    /// <summary>
    /// One value for the whole query (now(), current_timestamp): the call folds when the query is bound, on the
    /// coordinator, so every fragment and worker sees the same value.
    /// </summary>
    Stable,

    /// <summary>A new value per row (random()): never folded.</summary>
    Volatile,
}
