using Engine.Core.Columns;

namespace Engine.Core.Functions;

/// <summary>
/// A bound scalar function call: its result type and the vectorized evaluation over a batch of rows.
/// Created by <see cref="ScalarFunction.Bind"/>; immutable, shared by every thread that runs the query.
/// </summary>
public abstract class ScalarKernel
{
    /// <summary>Creates a kernel whose results have <paramref name="resultType"/>.</summary>
    protected ScalarKernel(DataType resultType) => ResultType = resultType;

    /// <summary>The type of every value the kernel returns.</summary>
    public DataType ResultType { get; }

    /// <summary>
    /// Computes the function for <see cref="ScalarArguments.RowCount"/> rows. Returns a column of
    /// <see cref="ResultType"/> with exactly that many rows; NULL arguments give NULL unless the function
    /// says otherwise. Must not keep references to the argument columns past the call unless it returns them.
    /// </summary>
    /// <exception cref="Errors.QueryExecutionException">A value cannot be computed (an overflow, say).</exception>
    public abstract Column Evaluate(ScalarArguments arguments);
}
