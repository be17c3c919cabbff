using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary><c>length(s)</c> (also <c>char_length</c>, <c>character_length</c>, <c>len</c>): BIGINT number of Unicode code points, as DuckDB counts (a surrogate pair is one, a combining accent is one more).</summary>
public sealed class LengthFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "length";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["char_length", "character_length", "len"];

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 1, "BIGINT", DataType.String);
        return new TextKernel(DataType.Int64, context, static a => ScalarValue.FromInt64(CodePoints.Count(a[0].StringValue)));
    }
}
