using Engine.Core.Columns;

namespace Engine.Core.Catalog;

/// <summary>
/// Min/max and null count of one column over a partition or chunk, used to prune what cannot match.
/// A NULL <see cref="Min"/> or <see cref="Max"/> means unknown (no pruning on that bound).
/// </summary>
/// <param name="Min">Smallest non-NULL value, or NULL when unknown.</param>
/// <param name="Max">Largest non-NULL value, or NULL when unknown.</param>
/// <param name="NullCount">NULL rows, or -1 when unknown.</param>
public readonly record struct ColumnStatistics(ScalarValue Min, ScalarValue Max, long NullCount);
