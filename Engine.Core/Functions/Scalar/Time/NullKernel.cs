using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>All NULLs of one type: a time function called with a NULL constant part or format.</summary>
internal sealed class NullKernel(DataType type) : ScalarKernel(type)
{
    public override Column Evaluate(ScalarArguments arguments) => ConstantColumn.Broadcast(ScalarValue.Null(ResultType), arguments.RowCount);
}
