using System.Text;
using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>concat(a, …)</c>: VARCHAR, the text of every argument that is not NULL, in order (never NULL; all NULL
/// gives the empty string), as in DuckDB. Arguments of any type are converted to their text.
/// </summary>
public sealed class ConcatFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "concat";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        if (context.Count == 0)
        {
            throw context.Error("concat() takes at least 1 argument");
        }

        TextBinding.CastAllToText(context);
        return new TextKernel(DataType.String, context, static a =>
        {
            var builder = new StringBuilder();
            foreach (var value in a)
            {
                if (!value.IsNull)
                {
                    builder.Append(value.StringValue);
                }
            }

            return ScalarValue.FromString(builder.ToString());
        }, strict: false);
    }
}
