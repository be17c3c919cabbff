using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// <c>split_part(s, delimiter, index)</c>: VARCHAR, part <c>index</c> (1-based; negative counts from the end)
/// of <c>s</c> split at every <c>delimiter</c>; the empty string when there is no such part or the index is 0.
/// An empty delimiter splits into code points, as in DuckDB.
/// </summary>
public sealed class SplitPartFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "split_part";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        TextBinding.Require(context, 3, "VARCHAR", DataType.String, DataType.String, DataType.Int64);
        return new TextKernel(DataType.String, context, static a => ScalarValue.FromString(Part(a[0].StringValue, a[1].StringValue, a[2].Int64Value)));
    }

    private static string Part(string text, string delimiter, long index)
    {
        if (index == 0)
        {
            return string.Empty;
        }

        var parts = delimiter.Length > 0 ? text.Split(delimiter, StringSplitOptions.None) : CodePointsOf(text);
        var position = index > 0 ? index - 1 : parts.Length + index;
        return position >= 0 && position < parts.Length ? parts[position] : string.Empty;
    }

    private static string[] CodePointsOf(string text)
    {
        var parts = new List<string>(text.Length);
        for (var i = 0; i < text.Length; i += CodePoints.Width(text, i))
        {
            parts.Add(text.Substring(i, CodePoints.Width(text, i)));
        }

        return [.. parts];
    }
}
