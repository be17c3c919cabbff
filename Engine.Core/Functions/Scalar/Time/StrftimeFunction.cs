using System.Text;
using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>strftime(ts, format)</c> (or <c>strftime(format, ts)</c>): the TIMESTAMP as VARCHAR text laid out by
/// a constant format with DuckDB's specifiers (see <see cref="StrftimeFormat"/>), such as
/// <c>'%Y-%m-%d %H:%M:%S.%f'</c>. A format that is not constant, is empty, or has an unknown specifier or a
/// lone <c>%</c> is a bind error. NULL for a NULL timestamp or format. Equal texts share one dictionary
/// entry, so grouping by a coarse format (<c>'%Y-%m'</c>) stays cheap.
/// </summary>
public sealed class StrftimeFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "strftime";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(2, 2, "strftime(ts, format)");
        var (timestampIndex, formatIndex) = context.TypeOf(0) == DataType.String && context.TypeOf(1) == DataType.Timestamp ? (1, 0) : (0, 1);
        TimeBinding.RequireTimestamp(context, timestampIndex, "strftime(ts, format)");
        if (!context.TryGetConstant(formatIndex, out var format) || (!format.IsNull && format.Type != DataType.String))
        {
            throw context.Error(formatIndex, $"strftime needs a constant format text such as '%Y-%m-%d %H:%M:%S', got {context.Arguments[formatIndex]}");
        }

        if (format.IsNull)
        {
            return new NullKernel(DataType.String);
        }

        return StrftimeFormat.TryParse(format.StringValue, out var parsed, out var problem)
            ? new Kernel(parsed, timestampIndex)
            : throw context.Error(formatIndex, $"strftime cannot use format: {problem}");
    }

    private sealed class Kernel(StrftimeFormat format, int argument) : ScalarKernel(DataType.String)
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var column = (Int64Column)arguments.Evaluate(argument);
            var source = column.Values;
            var codes = new int[source.Length];
            var dictionary = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var text = new StringBuilder();
            for (var i = 0; i < codes.Length; i++)
            {
                if (column.IsNull(i))
                {
                    continue;
                }

                text.Clear();
                format.Format(source[i], text);
                var value = text.ToString();
                if (!index.TryGetValue(value, out var code))
                {
                    code = dictionary.Count;
                    index.Add(value, code);
                    dictionary.Add(value);
                }

                codes[i] = code;
            }

            if (dictionary.Count == 0)
            {
                dictionary.Add(string.Empty);
            }

            return new StringColumn(codes, [.. dictionary], Execution.Kernels.Validity.Copy(column));
        }
    }
}
