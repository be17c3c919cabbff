using Engine.Core.Columns;

namespace Engine.Core.Catalog;

/// <summary>
/// Min/max and null count of one column over a partition or chunk, used to prune what cannot match.
/// A NULL <see cref="Min"/> or <see cref="Max"/> means unknown (no pruning on that bound). For DOUBLE
/// columns min and max leave NaN out (as Parquet writers do), while NaN sorts above every number in
/// comparisons; so only a <see cref="NanCount"/> of 0 lets a comparison that NaN satisfies be pruned.
/// </summary>
/// <param name="Min">Smallest non-NULL, non-NaN value, or NULL when unknown.</param>
/// <param name="Max">Largest non-NULL, non-NaN value, or NULL when unknown.</param>
/// <param name="NullCount">NULL rows, or -1 when unknown.</param>
/// <param name="NanCount">NaN rows of a DOUBLE column, or -1 when unknown (0 for other types).</param>
public readonly record struct ColumnStatistics(ScalarValue Min, ScalarValue Max, long NullCount, long NanCount = -1);
